package io.usher.desk;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a desk ticket (its number {@code TKT-2026-000042} is for people). */
public record TicketId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TicketId {
        Objects.requireNonNull(value, "ticket id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
