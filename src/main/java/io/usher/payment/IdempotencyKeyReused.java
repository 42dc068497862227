package io.usher.payment;

import io.usher.common.UsherException;

/** 422: the idempotency key came with a different checkout or refund before. */
public class IdempotencyKeyReused extends UsherException {

    public IdempotencyKeyReused() {
        super(422, "payment.idempotency_key_reused",
                "This idempotency key was already used for a different payment request.");
    }
}
