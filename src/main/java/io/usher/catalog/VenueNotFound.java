package io.usher.catalog;

import io.usher.common.UsherException;

/** 404: no such venue, or one of an organization the caller does not manage. */
public class VenueNotFound extends UsherException {

    public VenueNotFound() {
        super(404, "catalog.venue_not_found", "No such venue.");
    }
}
