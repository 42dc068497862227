package io.usher.inventory;

import java.util.List;
import java.util.Objects;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;

/** What a buyer asks to hold; the three shapes the holds API accepts. */
public sealed interface HoldRequest {

    EventId event();

    UserId buyer();

    /** Client-chosen key: the same key from the same buyer gets the same answer, never a second hold. */
    String idempotencyKey();

    /** Tickets asked for in total. */
    int quantity();

    /** General admission: quantities per ticket type, all or nothing. */
    record Quantities(EventId event, UserId buyer, String idempotencyKey, List<Item> items) implements HoldRequest {

        public Quantities {
            items = List.copyOf(items);
        }

        @Override
        public int quantity() {
            return items.stream().mapToInt(Item::quantity).sum();
        }
    }

    /** Chosen seats, all or nothing. */
    record Seats(EventId event, UserId buyer, String idempotencyKey, List<SeatId> seats) implements HoldRequest {

        public Seats {
            seats = List.copyOf(seats);
        }

        @Override
        public int quantity() {
            return seats.size();
        }
    }

    /** The best seats of a seated type, adjacent in one row when possible. */
    record BestAvailable(EventId event, UserId buyer, String idempotencyKey, TicketTypeId ticketType, int quantity)
            implements HoldRequest {
    }

    /** A quantity of one ticket type. */
    record Item(TicketTypeId ticketType, int quantity) {

        public Item {
            Objects.requireNonNull(ticketType, "ticket type");
        }
    }
}
