package io.usher.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies a venue. */
public record VenueId(UUID value) {

    public VenueId {
        Objects.requireNonNull(value, "VenueId");
    }

    public static VenueId random() {
        return new VenueId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
