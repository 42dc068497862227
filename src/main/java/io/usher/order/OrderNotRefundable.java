package io.usher.order;

import io.usher.common.UsherException;

/** 409: only a paid (or partly refunded) order can be refunded. */
public class OrderNotRefundable extends UsherException {

    public OrderNotRefundable(OrderStatus status) {
        super(409, "order.not_refundable", "This order is " + status.name().toLowerCase().replace('_', ' ') + ".");
    }
}
