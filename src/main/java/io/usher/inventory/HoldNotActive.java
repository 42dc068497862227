package io.usher.inventory;

import io.usher.common.UsherException;

/** 409: the hold has expired, was released or was already confirmed. */
public class HoldNotActive extends UsherException {

    public HoldNotActive(String status) {
        super(409, "inventory.hold_not_active", "This hold is " + status.toLowerCase() + ".");
    }
}
