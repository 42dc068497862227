package io.usher.admission.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import io.usher.admission.TicketId;
import io.usher.admission.TicketNotFound;
import io.usher.identity.CurrentUser;
import io.usher.order.OrderId;

/** A buyer's tickets and their QR tokens. */
// named: the desk module has a Tickets service of its own, and bean names are simple class names
@Service("admissionTickets")
public class Tickets {

    private final TicketStore tickets;
    private final EventKeys keys;

    Tickets(TicketStore tickets, EventKeys keys) {
        this.tickets = tickets;
        this.keys = keys;
    }

    public List<Ticket> mine(CurrentUser buyer) {
        return tickets.ofBuyer(buyer.id());
    }

    /** @throws TicketNotFound also when it is someone else's */
    public Ticket mine(CurrentUser buyer, TicketId id) {
        return tickets.find(id).filter(t -> t.buyer().equals(buyer.id())).orElseThrow(TicketNotFound::new);
    }

    public List<Ticket> ofOrder(OrderId order) {
        return tickets.ofOrder(order);
    }

    /** @throws TicketNotFound the order has no tickets of this buyer (someone else's, or not issued yet) */
    public List<Ticket> mineOfOrder(CurrentUser buyer, OrderId order) {
        var mine = tickets.ofOrder(order).stream().filter(t -> t.buyer().equals(buyer.id())).toList();
        if (mine.isEmpty()) {
            throw new TicketNotFound();
        }
        return mine;
    }

    /** What the ticket's QR code carries: its current version, signed with the event's key. */
    public String qrToken(Ticket ticket) {
        return keys.of(ticket.event()).sign(ticket.token());
    }
}
