package io.usher.catalog;

import io.usher.common.UsherException;

/** 403: the event is visible, but belongs to an organization the caller does not organize for. */
public class NotYourEvent extends UsherException {

    public NotYourEvent() {
        super(403, "catalog.not_your_event", "Only organizers of the organization that owns this event can change it.");
    }
}
