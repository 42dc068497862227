package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: a draft with seated ticket types cannot move to another venue. */
public class VenueLocked extends UsherException {

    public VenueLocked() {
        super(409, "catalog.venue_locked", "The event has seated ticket types bound to its venue's sections; delete them before changing the venue.");
    }
}
