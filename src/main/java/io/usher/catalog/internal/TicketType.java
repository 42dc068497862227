package io.usher.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.common.TicketTypeId;

/**
 * A kind of ticket of an event: general admission with a capacity, or seated, selling every seat of some
 * sections of the venue's plan (then the capacity is their number of seats).
 *
 * @param sections the plan's sections a seated type sells; empty for general admission
 * @param fee service fee per ticket in minor units of the price's currency
 */
public record TicketType(TicketTypeId id, EventId event, String name, Money price, boolean seated, int capacity,
        List<UUID> sections, Instant saleStartsAt, Instant saleEndsAt, int minPerOrder, int maxPerOrder,
        int position, long fee) {

    public TicketType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(price, "price");
        sections = List.copyOf(sections);
        if (seated == sections.isEmpty()) {
            throw new IllegalArgumentException("a seated ticket type sells sections; general admission none");
        }
    }

    TicketType withCapacity(int seats) {
        return new TicketType(id, event, name, price, seated, seats, sections, saleStartsAt, saleEndsAt, minPerOrder,
                maxPerOrder, position, fee);
    }
}
