package io.usher.inventory;

import java.time.Instant;
import java.util.List;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;

/** A buyer's claim on tickets until {@code expiresAt}; confirmed into a sale by an order. */
public record Hold(HoldId id, EventId event, UserId buyer, Status status, Instant createdAt, Instant expiresAt,
        List<HoldRequest.Item> items, List<HeldSeat> seats) {

    public enum Status { ACTIVE, RELEASED, EXPIRED, CONFIRMED, RETURNED }

    public int quantity() {
        return items.stream().mapToInt(HoldRequest.Item::quantity).sum();
    }

    /** A seat in a hold. */
    public record HeldSeat(SeatId id, TicketTypeId ticketType, String section, String row, int number) {
    }
}
