package io.usher.inventory;

import io.usher.common.UsherException;

/** 422: the Idempotency-Key was used before with a different request. */
public class IdempotencyKeyReused extends UsherException {

    public IdempotencyKeyReused() {
        super(422, "inventory.idempotency_key_reused", "This Idempotency-Key was already used for a different request.");
    }
}
