package io.usher.order;

import io.usher.common.UsherException;

/** 409: the hold has expired, was released or already became an order's sale. */
public class HoldNotActive extends UsherException {

    public HoldNotActive() {
        super(409, "order.hold_not_active", "This hold is no longer active; hold the tickets again.");
    }
}
