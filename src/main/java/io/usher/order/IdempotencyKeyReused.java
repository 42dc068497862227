package io.usher.order;

import io.usher.common.UsherException;

/** 422: the Idempotency-Key came with another hold before. */
public class IdempotencyKeyReused extends UsherException {

    public IdempotencyKeyReused() {
        super(422, "order.idempotency_key_reused", "This Idempotency-Key was used for another order.");
    }
}
