package io.usher.catalog;

import io.usher.common.UsherException;

/** 404: no such event, or a draft the caller may not see. */
public class EventNotFound extends UsherException {

    public EventNotFound() {
        super(404, "catalog.event_not_found", "No such event.");
    }
}
