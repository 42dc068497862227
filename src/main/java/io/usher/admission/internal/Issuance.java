package io.usher.admission.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.admission.TicketId;
import io.usher.admission.TicketsIssued;
import io.usher.order.OrderCancelled;
import io.usher.order.OrderPaid;
import io.usher.order.OrderRefunded;

/** Issues a paid order's tickets, once, and voids them when the order is refunded in full or cancelled. */
@Component
class Issuance {

    private static final Logger log = LoggerFactory.getLogger(Issuance.class);

    private final TicketStore tickets;
    private final EventKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TicketCodes codes = new TicketCodes();

    Issuance(TicketStore tickets, EventKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        keys.of(paid.event());
        var now = clock.instant();
        var issued = new ArrayList<TicketId>();
        for (int position = 0; position < paid.tickets().size(); position++) {
            var line = paid.tickets().get(position);
            var ticket = new Ticket(new TicketId(UUID.randomUUID()), uniqueCode(), paid.event(), paid.order(), position,
                    paid.buyer(), paid.buyerName(), paid.buyerEmail(), line.ticketType(), line.ticketTypeName(),
                    line.seat(), line.seatLabel(), line.holderName(), 1, Ticket.Status.VALID, null, null, null, null,
                    now);
            if (tickets.insert(ticket, now)) {
                issued.add(ticket.id());
            }
        }
        if (!issued.isEmpty()) {
            log.info("Issued {} tickets for order {}", issued.size(), paid.order());
            events.publishEvent(new TicketsIssued(paid.order(), paid.event(), paid.buyer(), paid.buyerName(),
                    paid.buyerEmail(), issued, now));
        }
    }

    @ApplicationModuleListener
    void on(OrderRefunded refunded) {
        var voided = tickets.voidOrder(refunded.order(), "order refunded (" + refunded.reason() + ")", clock.instant());
        log.info("Voided {} tickets of refunded order {}", voided, refunded.order());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        var voided = tickets.voidOrder(cancelled.order(), "order cancelled (" + cancelled.reason() + ")",
                clock.instant());
        log.info("Voided {} tickets of cancelled order {}", voided, cancelled.order());
    }

    /** A fresh code; a clash with an existing one (about 1 in 10^14 per ticket) draws again. */
    private String uniqueCode() {
        String code;
        do {
            code = codes.next();
        } while (tickets.codeTaken(code));
        return code;
    }
}
