package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: the last ticket type of a published event cannot be deleted. */
public class LastTicketType extends UsherException {

    public LastTicketType() {
        super(409, "catalog.last_ticket_type", "A published event keeps at least one ticket type.");
    }
}
