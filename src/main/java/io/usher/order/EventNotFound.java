package io.usher.order;

import io.usher.common.UsherException;

/** 404: no such published event, or the caller does not organize it. */
public class EventNotFound extends UsherException {

    public EventNotFound() {
        super(404, "order.event_not_found", "No such event.");
    }
}
