package io.usher.inventory;

import io.usher.common.UsherException;

/** 400: a hold request that cannot be right whatever the stock (wrong kind of ticket type, duplicates, order limits). */
public class InvalidHoldRequest extends UsherException {

    public InvalidHoldRequest(String detail) {
        super(400, "inventory.invalid_request", detail);
    }
}
