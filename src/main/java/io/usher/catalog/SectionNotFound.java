package io.usher.catalog;

import io.usher.common.UsherException;

/** 404: no such section in the venue's seating plan. */
public class SectionNotFound extends UsherException {

    public SectionNotFound() {
        super(404, "catalog.section_not_found", "No such section in this venue's seating plan.");
    }
}
