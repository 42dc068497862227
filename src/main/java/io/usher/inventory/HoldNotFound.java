package io.usher.inventory;

import io.usher.common.UsherException;

/** 404: no such hold of yours. */
public class HoldNotFound extends UsherException {

    public HoldNotFound() {
        super(404, "inventory.hold_not_found", "No such hold.");
    }
}
