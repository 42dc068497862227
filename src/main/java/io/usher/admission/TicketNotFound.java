package io.usher.admission;

import io.usher.common.UsherException;

/** 404: no such ticket, or not the caller's to see */
public class TicketNotFound extends UsherException {

    public TicketNotFound() {
        super(404, "admission.ticket_not_found", "No such ticket.");
    }
}
