package io.usher.desk.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.usher.desk.CustomField;
import io.usher.desk.InvalidDeskInput;

/**
 * Checks a ticket's custom field values against its category's definitions and answers them normalized: text
 * stripped, numbers as {@link BigDecimal}, dates as ISO strings, booleans as {@link Boolean}. Values may come as
 * JSON types or as the strings a form posts ({@code "42"}, {@code "true"}). A required field must have a value
 * (for a boolean, {@code false} is a value); unknown keys are refused.
 */
public final class CustomFieldValidator {

    static final String INVALID = "desk.invalid_custom_fields";
    static final int MAX_TEXT = 2_000;

    private CustomFieldValidator() {
    }

    public static Map<String, Object> validate(List<CustomField> definitions, Map<String, ?> values) {
        var given = values == null ? Map.<String, Object>of() : values;
        var problems = new FieldProblems(INVALID);
        var known = new LinkedHashMap<String, CustomField>();
        definitions.forEach(definition -> known.put(definition.key(), definition));
        for (var key : given.keySet()) {
            if (!known.containsKey(key)) {
                problems.add("customFields." + key, "is not a field of this category");
            }
        }
        var result = new LinkedHashMap<String, Object>();
        for (var definition : known.values()) {
            var field = "customFields." + definition.key();
            var raw = given.get(definition.key());
            if (raw == null || raw instanceof String s && s.isBlank()) {
                if (definition.required()) {
                    problems.add(field, "is required");
                }
                continue;
            }
            var value = convert(definition, raw);
            if (value instanceof Problem problem) {
                problems.add(field, problem.message());
            } else {
                result.put(definition.key(), value);
            }
        }
        problems.throwIfAny();
        return result;
    }

    private record Problem(String message) {
    }

    private static Object convert(CustomField definition, Object raw) {
        return switch (definition.type()) {
            case TEXT -> raw instanceof String s
                    ? (s.strip().length() > MAX_TEXT ? new Problem("must be at most " + MAX_TEXT + " characters") : s.strip())
                    : new Problem("must be text");
            case NUMBER -> number(raw);
            case DATE -> {
                if (!(raw instanceof String s)) {
                    yield new Problem("must be a date (YYYY-MM-DD)");
                }
                try {
                    yield LocalDate.parse(s.strip()).toString();
                } catch (DateTimeParseException e) {
                    yield new Problem("must be a date (YYYY-MM-DD)");
                }
            }
            case SELECT -> raw instanceof String s && definition.options().contains(s.strip()) ? s.strip()
                    : new Problem("must be one of " + definition.options());
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if (raw instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
                    yield Boolean.valueOf(s.strip().toLowerCase(Locale.ROOT));
                }
                yield new Problem("must be true or false");
            }
        };
    }

    private static Object number(Object raw) {
        try {
            if (raw instanceof Double d && (d.isNaN() || d.isInfinite()) || raw instanceof Float f && (f.isNaN() || f.isInfinite())) {
                return new Problem("must be a number");
            }
            if (raw instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (raw instanceof String s && s.strip().length() <= 40) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            // falls through to the problem
        }
        return new Problem("must be a number");
    }

    /** Throws the invalid-input failure for a problem found outside the values (used by the category checks). */
    static InvalidDeskInput invalid(String field, String message) {
        return new InvalidDeskInput(INVALID, field, message);
    }
}
