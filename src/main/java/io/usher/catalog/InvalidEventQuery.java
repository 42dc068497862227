package io.usher.catalog;

import java.util.List;

/** 400: a malformed filter, sort or range in an event search. */
public class InvalidEventQuery extends InvalidCatalogInput {

    public InvalidEventQuery(List<FieldProblem> errors) {
        super("catalog.invalid_query", errors);
    }

    public InvalidEventQuery(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
