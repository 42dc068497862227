package io.usher.inventory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a hold. */
public record HoldId(UUID value) {

    public HoldId {
        Objects.requireNonNull(value, "hold id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
