package io.usher.inventory.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated hold request, ready for a strategy to claim stock for: what, for whom, until when.
 *
 * @param items general-admission quantities per ticket type
 * @param seats chosen seats (seat id → ticket type)
 * @param bestType with {@code bestQuantity}: the best seats of this seated type
 */
record Claim(UUID holdId, UUID event, UUID buyer, String idempotencyKey, String requestHash, List<Item> items,
        List<ChosenSeat> seats, UUID bestType, int bestQuantity, int quantity, int maxPerBuyer, Instant now,
        Instant expiresAt) {

    record Item(UUID ticketType, int quantity) {
    }

    record ChosenSeat(UUID seatId, UUID ticketType) {
    }

    boolean wantsBestSeats() {
        return bestType != null;
    }
}
