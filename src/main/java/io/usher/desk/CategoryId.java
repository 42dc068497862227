package io.usher.desk;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a desk category or subcategory. */
public record CategoryId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CategoryId {
        Objects.requireNonNull(value, "category id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
