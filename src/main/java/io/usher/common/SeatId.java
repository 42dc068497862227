package io.usher.common;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one seat of a venue's seating plan. */
public record SeatId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SeatId {
        Objects.requireNonNull(value, "SeatId");
    }

    public static SeatId of(String value) {
        return new SeatId(UUID.fromString(value));
    }

    public static SeatId random() {
        return new SeatId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
