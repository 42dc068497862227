package io.usher.catalog.internal;

import io.usher.common.Money;

/**
 * An event as lists show it: with its venue's name and address (when it has a venue) and its lowest ticket
 * price (when it has ticket types).
 */
public record EventSummary(Event event, String venueName, String venueAddress, Money lowestPrice) {
}
