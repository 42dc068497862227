package io.usher.desk;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.usher.common.UsherException;

/**
 * 400: input that breaks a desk rule. Like a validation problem it lists each field with what is wrong
 * ({@code errors: [{field, message}]}), under a code that names the kind of input
 * ({@code desk.invalid_calendar}, {@code desk.invalid_queue}, {@code desk.invalid_category},
 * {@code desk.invalid_sla_policy}, {@code desk.invalid_custom_fields}, {@code desk.invalid_ticket}).
 */
public class InvalidDeskInput extends UsherException {

    private final List<FieldProblem> errors;

    public InvalidDeskInput(String code, List<FieldProblem> errors) {
        super(400, code, errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidDeskInput(String code, String field, String message) {
        this(code, List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
