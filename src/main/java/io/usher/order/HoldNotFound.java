package io.usher.order;

import io.usher.common.UsherException;

/** 404: the hold does not exist or is not the caller's. */
public class HoldNotFound extends UsherException {

    public HoldNotFound() {
        super(404, "order.hold_not_found", "No such hold.");
    }
}
