package io.usher.catalog;

import io.usher.common.UsherException;

/** 404: no such seat in the venue's seating plan. */
public class SeatNotFound extends UsherException {

    public SeatNotFound() {
        super(404, "catalog.seat_not_found", "No such seat in this venue's seating plan.");
    }
}
