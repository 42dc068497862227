package io.usher.admission;

import io.usher.common.UsherException;

/** 400: what was scanned or typed is not a ticket code or token */
public class MalformedTicket extends UsherException {

    public MalformedTicket() {
        super(400, "admission.malformed_ticket", "Neither a ticket code (like 7KQ4-M9XP-T2) nor an Usher ticket token; give exactly one of code or qrToken.");
    }
}
