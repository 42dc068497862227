package io.usher.catalog;

import io.usher.common.UsherException;

/** 404: the ticket type does not belong to this event. */
public class TicketTypeNotFound extends UsherException {

    public TicketTypeNotFound() {
        super(404, "catalog.ticket_type_not_found", "No such ticket type for this event.");
    }
}
