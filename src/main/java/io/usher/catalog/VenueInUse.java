package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: events take place at this venue, so it cannot be deleted nor move to another time zone. */
public class VenueInUse extends UsherException {

    public VenueInUse(String detail) {
        super(409, "catalog.venue_in_use", detail);
    }
}
