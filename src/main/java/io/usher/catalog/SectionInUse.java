package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: a section sold by a ticket type cannot be removed (nor the plan replaced); unbind it first. */
public class SectionInUse extends UsherException {

    public SectionInUse() {
        super(409, "catalog.section_in_use",
                "Ticket types sell seats of this plan's sections; remove them from those ticket types first.");
    }
}
