package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: completing an event that has not ended yet. */
public class EventNotEnded extends UsherException {

    public EventNotEnded() {
        super(409, "catalog.event_not_ended", "An event can be completed only after it has ended.");
    }
}
