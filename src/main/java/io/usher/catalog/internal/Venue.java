package io.usher.catalog.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import io.usher.catalog.VenueId;
import io.usher.identity.OrganizationId;

/** A place where an organization holds events; its seating plan is kept apart ({@link SeatingPlan}). */
public record Venue(VenueId id, OrganizationId organization, String name, String address, ZoneId timezone,
        int capacity, Instant createdAt, Instant updatedAt) {

    public Venue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(timezone, "timezone");
    }

    /** What events at this venue are found by. */
    String place() {
        return name + ", " + address;
    }
}
