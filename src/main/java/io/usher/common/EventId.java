package io.usher.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies an event (catalog), referenced by inventory, orders and tickets. */
public record EventId(UUID value) {

    public EventId {
        Objects.requireNonNull(value, "EventId");
    }

    public static EventId of(String value) {
        return new EventId(UUID.fromString(value));
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
