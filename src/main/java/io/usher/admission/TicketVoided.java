package io.usher.admission;

import java.util.Map;

import io.usher.common.UsherException;

/** 409: the ticket was voided (its order was refunded or cancelled); it admits nobody. */
public class TicketVoided extends UsherException {

    private final String reason;

    public TicketVoided(String reason) {
        super(409, "admission.ticket_voided", "This ticket is void: " + reason);
        this.reason = reason;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("reason", reason);
    }
}
