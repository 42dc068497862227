package io.usher.admission;

import java.time.Instant;
import java.util.List;

import io.usher.common.EventId;
import io.usher.identity.UserId;
import io.usher.order.OrderId;

/** The tickets of a paid order were issued (once per order); the buyer is to receive them. */
public record TicketsIssued(OrderId order, EventId event, UserId buyer, String buyerName, String buyerEmail,
        List<TicketId> tickets, Instant at) {

    public TicketsIssued {
        tickets = List.copyOf(tickets);
    }
}
