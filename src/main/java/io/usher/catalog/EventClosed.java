package io.usher.catalog;

import java.util.Map;

import io.usher.common.UsherException;

/** 409: a cancelled or completed event, or its ticket types, no longer change. */
public class EventClosed extends UsherException {

    private final EventStatus status;

    public EventClosed(EventStatus status) {
        super(409, "catalog.event_closed", "This event is " + status.name().toLowerCase() + " and no longer changes.");
        this.status = status;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("status", status.name());
    }
}
