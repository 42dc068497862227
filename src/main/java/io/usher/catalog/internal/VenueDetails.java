package io.usher.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import io.usher.catalog.InvalidCatalogInput.FieldProblem;

/** A venue's name, address, time zone and capacity as given; {@code null} fields keep their value on a change. */
public record VenueDetails(String name, String address, String timezone, Integer capacity) {

    static final int MAX_CAPACITY = 1_000_000;

    List<FieldProblem> problems(boolean complete) {
        var problems = new ArrayList<FieldProblem>();
        if (name != null || complete) {
            if (name == null || name.strip().isEmpty() || name.strip().length() > 200) {
                problems.add(new FieldProblem("name", "must be 1–200 characters"));
            }
        }
        if (address != null || complete) {
            if (address == null || address.strip().isEmpty() || address.strip().length() > 500) {
                problems.add(new FieldProblem("address", "must be 1–500 characters"));
            }
        }
        if (timezone != null || complete) {
            if (Timezones.parse(timezone).isEmpty()) {
                problems.add(new FieldProblem("timezone", Timezones.problem(timezone)));
            }
        }
        if (capacity != null || complete) {
            if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
                problems.add(new FieldProblem("capacity", "must be 1–1,000,000"));
            }
        }
        return problems;
    }
}
