package io.usher.admission;

import io.usher.common.UsherException;

/** 409: the token is of a version the ticket no longer has */
public class TicketReissued extends UsherException {

    public TicketReissued() {
        super(409, "admission.ticket_reissued", "This QR code belongs to an older version of the ticket: it was re-issued (holder changed). Scan the current one.");
    }
}
