package io.usher.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.usher.common.EventId;
import io.usher.common.TicketTypeId;

/**
 * What a ticket type offers: a general-admission capacity, or (when {@code seats} is not empty) exactly those
 * seats; the window in which it sells; the quantities one order may take.
 *
 * @param saleStartsAt {@code null} = from publication
 * @param saleEndsAt {@code null} = until the event's sales close
 */
public record StockDefinition(EventId event, TicketTypeId ticketType, int capacity, Instant saleStartsAt,
        Instant saleEndsAt, int minPerOrder, int maxPerOrder, List<SeatDefinition> seats) {

    public StockDefinition {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ticketType, "ticket type");
        seats = seats == null ? List.of() : List.copyOf(seats);
        if (!seats.isEmpty() && capacity != seats.size()) {
            throw new IllegalArgumentException("a seated ticket type's capacity is its number of seats");
        }
        if (capacity < 0 || capacity > 1_000_000) {
            throw new IllegalArgumentException("capacity must be 0–1,000,000");
        }
        if (minPerOrder < 1 || maxPerOrder < minPerOrder) {
            throw new IllegalArgumentException("need 1 ≤ minPerOrder ≤ maxPerOrder");
        }
        if (saleStartsAt != null && saleEndsAt != null && !saleEndsAt.isAfter(saleStartsAt)) {
            throw new IllegalArgumentException("the sale window must end after it starts");
        }
    }

    public boolean seated() {
        return !seats.isEmpty();
    }
}
