package io.usher.order;

import java.time.Instant;
import java.util.List;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;

/** An order was paid and its tickets are sold: one {@link PaidTicket} per ticket to issue. Published once. */
public record OrderPaid(OrderId order, EventId event, UserId buyer, String buyerName, String buyerEmail,
        List<PaidTicket> tickets, Instant at) {

    public OrderPaid {
        tickets = List.copyOf(tickets);
    }

    /**
     * One ticket of a paid order.
     *
     * @param seat {@code null} for general admission
     * @param holderName the attendee's name, or the buyer's when none was given
     */
    public record PaidTicket(TicketTypeId ticketType, String ticketTypeName, SeatId seat, String seatLabel,
            String holderName) {
    }
}
