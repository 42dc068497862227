package io.usher.inventory;

import java.time.Instant;
import java.util.List;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;

/** What is left of an event, per ticket type and, for seated types, per seat. At most a second stale. */
public record Availability(EventId event, Instant at, List<TicketType> ticketTypes) {

    public boolean anyLeft() {
        return ticketTypes.stream().anyMatch(t -> t.available() > 0);
    }

    /** One ticket type: {@code available} can be held now (if the type is on sale). */
    public record TicketType(TicketTypeId id, boolean seated, int capacity, int available, List<Seat> seats) {
    }

    /** One seat's state. */
    public record Seat(SeatId id, String section, String row, int number, boolean accessible, SeatState state) {
    }

    public enum SeatState { FREE, HELD, SOLD }
}
