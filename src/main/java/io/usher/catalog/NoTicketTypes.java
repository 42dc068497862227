package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: an event without ticket types cannot be published. */
public class NoTicketTypes extends UsherException {

    public NoTicketTypes() {
        super(409, "catalog.no_ticket_types", "Add at least one ticket type before publishing.");
    }
}
