package io.usher.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.usher.common.UsherException;

/**
 * 400: input that breaks a catalog rule. Like a validation problem, it lists each field with what is wrong
 * ({@code errors: [{field, message}]}), under a code that says which kind of input it was.
 */
public abstract class InvalidCatalogInput extends UsherException {

    private final List<FieldProblem> errors;

    protected InvalidCatalogInput(String code, List<FieldProblem> errors) {
        super(400, code, errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
