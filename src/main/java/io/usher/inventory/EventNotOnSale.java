package io.usher.inventory;

import io.usher.common.UsherException;

/** 404: no such event, or it is not published (drafts are invisible). */
public class EventNotOnSale extends UsherException {

    public EventNotOnSale() {
        super(404, "inventory.event_not_found", "No such event on sale.");
    }
}
