package io.usher.desk.internal;

import java.util.ArrayList;
import java.util.List;

import io.usher.desk.InvalidDeskInput;

/** Collects what is wrong with an input, so one 400 names every field at once. */
final class FieldProblems {

    private final String code;
    private final List<InvalidDeskInput.FieldProblem> problems = new ArrayList<>();

    FieldProblems(String code) {
        this.code = code;
    }

    FieldProblems add(String field, String message) {
        problems.add(new InvalidDeskInput.FieldProblem(field, message));
        return this;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Adds a problem if the text is missing or its length is outside the bounds; answers the stripped text. */
    String text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            if (min > 0) {
                add(field, "must not be blank");
            }
            return null;
        }
        var stripped = value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            add(field, "must be " + min + " to " + max + " characters");
        }
        return stripped;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidDeskInput(code, problems);
        }
    }
}
