package io.usher.desk.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.usher.desk.DeskNotFound;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;

/**
 * Who may see a ticket, for the conversation and attachments: its requester, the agents and managers of its queue,
 * administrators. Anyone else is told the ticket does not exist. (The same rule as {@link Tickets}.)
 */
@Component
class TicketAccess {

    private final TicketStore tickets;
    private final QueueStore queues;

    TicketAccess(TicketStore tickets, QueueStore queues) {
        this.tickets = tickets;
        this.queues = queues;
    }

    /**
     * A ticket the caller may see.
     *
     * @param agent whether the caller works the ticket's queue (and so sees internal notes)
     */
    record Seen(Ticket ticket, Queue queue, boolean agent) {
    }

    Seen read(CurrentUser caller, UUID id) {
        return check(caller, tickets.find(id).orElseThrow(() -> new DeskNotFound("ticket")));
    }

    /** As {@link #read}, holding the ticket's row lock until the transaction ends. */
    Seen lock(CurrentUser caller, UUID id) {
        return check(caller, tickets.lock(id).orElseThrow(() -> new DeskNotFound("ticket")));
    }

    private Seen check(CurrentUser caller, Ticket ticket) {
        var queue = queues.find(ticket.queueId()).orElseThrow(() -> new DeskNotFound("queue"));
        var user = caller.id().value();
        boolean agent = caller.has(Role.ADMIN) || queue.isAgent(user) || queue.isManager(user);
        if (!agent && !ticket.requesterId().equals(user)) {
            throw new DeskNotFound("ticket");
        }
        return new Seen(ticket, queue, agent);
    }
}
