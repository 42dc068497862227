package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: a ticket type cannot switch between general admission and seated. */
public class TicketTypeKindFixed extends UsherException {

    public TicketTypeKindFixed() {
        super(409, "catalog.ticket_type_kind_fixed", "A ticket type stays general admission or seated; create another ticket type instead.");
    }
}
