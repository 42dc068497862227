package io.usher.order;

import io.usher.common.UsherException;

/** 409: the order is not waiting for payment (paid, expired, failed …). */
public class OrderNotPayable extends UsherException {

    public OrderNotPayable(OrderStatus status) {
        super(409, "order.not_payable", "This order is " + status.name().toLowerCase().replace('_', ' ') + ".");
    }
}
