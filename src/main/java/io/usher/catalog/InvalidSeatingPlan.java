package io.usher.catalog;

import java.util.List;

/** 400: a seating plan, or a change to one, that breaks a rule (names, sizes, an emptied section or row). */
public class InvalidSeatingPlan extends InvalidCatalogInput {

    public InvalidSeatingPlan(List<FieldProblem> errors) {
        super("catalog.invalid_seating_plan", errors);
    }

    public InvalidSeatingPlan(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
