package io.usher.desk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.usher.desk.InvalidDeskInput;

/**
 * What is wrong with a desk administration form: messages per form field, and those that belong to no field. The
 * admin services name their own fields ({@code hours.MON[0]}, {@code fields[2].key}); each page maps them onto its
 * form.
 */
final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> global = new ArrayList<>();

    /** Marks a field; its first message stays. */
    FormErrors field(String name, String message) {
        fields.putIfAbsent(name, sentence(message));
        return this;
    }

    FormErrors global(String message) {
        global.add(sentence(message));
        return this;
    }

    /** The service's field problems on the form: {@code mapping} answers the form field, or null for none. */
    FormErrors from(InvalidDeskInput failure, Function<String, String> mapping) {
        for (var problem : failure.errors()) {
            var field = mapping.apply(problem.field());
            if (field == null) {
                global(problem.field() + ": " + problem.message());
            } else {
                field(field, problem.message());
            }
        }
        return this;
    }

    public boolean any() {
        return !fields.isEmpty() || !global.isEmpty();
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public List<String> getGlobal() {
        return global;
    }

    /** The message for a field, or null (templates ask {@code errors.of('name')}). */
    public String of(String field) {
        return fields.get(field);
    }

    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Check this value.";
        }
        // an e-mail address at the start keeps its letters as written
        var text = message.split("\\s", 2)[0].contains("@") ? message
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
