package io.usher.catalog.internal;

/** A venue with its seating plan (empty when it has none). */
public record VenueLayout(Venue venue, SeatingPlan plan) {
}
