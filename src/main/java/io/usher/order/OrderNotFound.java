package io.usher.order;

import io.usher.common.UsherException;

/** 404: no such order, or not the caller's to see. */
public class OrderNotFound extends UsherException {

    public OrderNotFound() {
        super(404, "order.not_found", "No such order.");
    }
}
