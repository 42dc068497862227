package io.usher.catalog;

import io.usher.common.UsherException;

/** 404: no such row in the venue's seating plan. */
public class RowNotFound extends UsherException {

    public RowNotFound() {
        super(404, "catalog.row_not_found", "No such row in this venue's seating plan.");
    }
}
