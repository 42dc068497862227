package io.usher.desk;

import java.util.List;
import java.util.Objects;

/**
 * A field a category adds to its tickets' form: a stable key, a label, a type, whether it must be filled, and for
 * {@link CustomFieldType#SELECT} the options to choose from. Checked by the category's administration, so a
 * definition read back is always well-formed.
 */
public record CustomField(String key, String label, CustomFieldType type, boolean required, List<String> options) {

    public CustomField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
    }
}
