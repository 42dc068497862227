package io.usher.admission;

import io.usher.common.UsherException;

/** 404: no such event */
public class EventNotFound extends UsherException {

    public EventNotFound() {
        super(404, "admission.event_not_found", "No such event.");
    }
}
