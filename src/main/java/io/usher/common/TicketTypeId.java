package io.usher.common;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a ticket type of an event. */
public record TicketTypeId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TicketTypeId {
        Objects.requireNonNull(value, "TicketTypeId");
    }

    public static TicketTypeId of(String value) {
        return new TicketTypeId(UUID.fromString(value));
    }

    public static TicketTypeId random() {
        return new TicketTypeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
