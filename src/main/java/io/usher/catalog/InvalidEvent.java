package io.usher.catalog;

import java.util.List;

/** 400: event details that break a rule (title, schedule, time zone, image, venue or location …). */
public class InvalidEvent extends InvalidCatalogInput {

    public InvalidEvent(List<FieldProblem> errors) {
        super("catalog.invalid_event", errors);
    }

    public InvalidEvent(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
