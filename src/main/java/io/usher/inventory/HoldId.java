package io.usher.inventory;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a hold. */
public record HoldId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public HoldId {
        Objects.requireNonNull(value, "hold id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
