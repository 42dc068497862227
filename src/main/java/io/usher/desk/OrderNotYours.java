package io.usher.desk;

import io.usher.common.UsherException;

/** 422 {@code desk.order_not_yours}: a ticket names only an order its requester placed (or none). */
public class OrderNotYours extends UsherException {

    public OrderNotYours() {
        super(422, "desk.order_not_yours", "A ticket can only name one of your own orders.");
    }
}
