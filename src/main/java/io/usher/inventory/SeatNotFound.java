package io.usher.inventory;

import io.usher.common.UsherException;

/** 404: a seat that is not sold by this event. */
public class SeatNotFound extends UsherException {

    public SeatNotFound() {
        super(404, "inventory.seat_not_found", "No such seat for this event.");
    }
}
