package io.usher.admission;

import java.util.Map;

import io.usher.common.EventId;
import io.usher.common.UsherException;

/** 422: the ticket is valid, but for another event. */
public class WrongEvent extends UsherException {

    private final EventId ticketEvent;

    public WrongEvent(EventId ticketEvent) {
        super(422, "admission.wrong_event", "This ticket is for another event.");
        this.ticketEvent = ticketEvent;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("ticketEventId", ticketEvent.value());
    }
}
