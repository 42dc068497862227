package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: a published event's schedule, venue and time zone change only through postponing. */
public class ScheduleLocked extends UsherException {

    public ScheduleLocked() {
        super(409, "catalog.schedule_locked", "Once published, an event's dates change only by postponing it, and its venue, location kind and time zone stay.");
    }
}
