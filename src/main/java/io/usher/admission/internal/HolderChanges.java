package io.usher.admission.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.usher.admission.TicketId;
import io.usher.admission.TicketNotFound;
import io.usher.admission.TransferClosed;
import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.identity.CurrentUser;

/**
 * Gives a ticket to someone else by changing its holder. That re-issues it: the version goes up, so the old QR code
 * is refused at the door and only the new one admits. Allowed while the ticket is valid and not checked in, until
 * {@link AdmissionProperties#transferCutoff()} before the event starts.
 */
@Service
public class HolderChanges {

    private final TicketStore store;
    private final Tickets tickets;
    private final Catalog catalog;
    private final AdmissionProperties properties;
    private final Clock clock;

    HolderChanges(TicketStore store, Tickets tickets, Catalog catalog, AdmissionProperties properties, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Makes {@code name} the holder of the buyer's ticket; the same name again changes nothing.
     *
     * @throws TicketNotFound not the buyer's ticket
     * @throws TransferClosed voided, checked in, or past the cut-off
     */
    public Ticket change(CurrentUser buyer, TicketId id, String name) {
        var holder = name.strip();
        var ticket = tickets.mine(buyer, id);
        var now = clock.instant();
        if (!open(ticket, now)) {
            throw new TransferClosed();
        }
        if (ticket.holderName().equals(holder)) {
            return ticket;
        }
        // the update is conditional on the version read, so a scan or a void in between makes it change nothing
        if (!store.changeHolder(id, ticket.version(), ticket.holderName(), holder, buyer.id().value(), now)) {
            var current = store.find(id).orElseThrow(TicketNotFound::new);
            if (!open(current, now)) {
                throw new TransferClosed();
            }
            return change(buyer, id, name);
        }
        return store.find(id).orElseThrow(TicketNotFound::new);
    }

    /** Whether the ticket's holder may still be changed at {@code now}. */
    public boolean open(Ticket ticket, Instant now) {
        if (ticket.status() != Ticket.Status.VALID || ticket.checkedIn()) {
            return false;
        }
        return catalog.event(ticket.event())
                .map(event -> beforeCutoff(event.startsAt(), properties.transferCutoff(), now))
                .orElse(false);
    }

    /** Open strictly before {@code startsAt − cutoff}: at that instant it is closed. */
    static boolean beforeCutoff(Instant startsAt, Duration cutoff, Instant now) {
        return now.isBefore(startsAt.minus(cutoff));
    }

    /** The last moment a holder may change, for pages that say until when. */
    public Optional<Instant> closesAt(Ticket ticket) {
        return catalog.event(ticket.event()).map(e -> e.startsAt().minus(properties.transferCutoff()));
    }
}
