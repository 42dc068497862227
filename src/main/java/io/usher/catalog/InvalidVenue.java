package io.usher.catalog;

import java.util.List;

/** 400: venue details that break a rule (time zone, capacity …). */
public class InvalidVenue extends InvalidCatalogInput {

    public InvalidVenue(List<FieldProblem> errors) {
        super("catalog.invalid_venue", errors);
    }

    public InvalidVenue(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
