package io.usher.admission;

import java.util.List;

import org.springframework.stereotype.Service;

import io.usher.admission.internal.Ticket;
import io.usher.admission.internal.TicketPdfs;
import io.usher.admission.internal.Tickets;
import io.usher.order.OrderId;

/**
 * Admission's API for modules that hand tickets to people (notification mails them): an order's tickets as lines
 * and as a printable PDF.
 */
@Service
public class TicketDocuments {

    private final Tickets tickets;
    private final TicketPdfs pdfs;

    TicketDocuments(Tickets tickets, TicketPdfs pdfs) {
        this.tickets = tickets;
        this.pdfs = pdfs;
    }

    /** A ticket as a message lists it. */
    public record IssuedTicket(TicketId id, String code, String ticketType, String seat, String holderName,
            boolean voided) {
    }

    /** The order's tickets in order; empty before they are issued. */
    public List<IssuedTicket> ofOrder(OrderId order) {
        return tickets.ofOrder(order).stream().map(t -> new IssuedTicket(t.id(), t.displayCode(), t.ticketTypeName(),
                t.seatLabel(), t.holderName(), t.status() == Ticket.Status.VOIDED)).toList();
    }

    /**
     * The order's tickets as a PDF, one page each.
     *
     * @throws TicketNotFound the order has no tickets (yet)
     */
    public byte[] orderPdf(OrderId order) {
        var ofOrder = tickets.ofOrder(order);
        if (ofOrder.isEmpty()) {
            throw new TicketNotFound();
        }
        return pdfs.render(ofOrder);
    }
}
