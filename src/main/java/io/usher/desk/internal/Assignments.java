package io.usher.desk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.AssignmentMode;
import io.usher.desk.DeskNotFound;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.NotQueueAgent;
import io.usher.desk.TicketActionRefused;
import io.usher.identity.CurrentUser;

/**
 * Who works a ticket. New tickets go round-robin to the available agents of their queue (or, in
 * {@link AssignmentMode#LEAST_LOADED} queues, to the one with the fewest open tickets, ties taking turns); the
 * pointer is a row per queue locked by the creating transaction, so concurrent creations still take turns. Agents
 * and managers of the queue assign and reassign by hand, only to agents of the queue; the assignee accepts or
 * declines (back to the queue, with a reason). Every change is in {@code desk_ticket_changes}.
 */
@Service
public class Assignments {

    static final String INVALID = "desk.invalid_assignment";
    private static final int MAX_REASON = 1_000;

    private final AssignmentStore store;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final Clock clock;

    Assignments(AssignmentStore store, TicketStore tickets, QueueStore queues, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * Assigns a ticket just created to the queue's next available agent, in the creating transaction; if nobody is
     * available it stays unassigned in the queue. Answers the ticket as it now is.
     */
    Ticket routeNew(Ticket ticket, Queue queue, Instant now) {
        var previous = store.lockPointer(queue.id());
        var available = store.available(queue.agents());
        if (available.isEmpty()) {
            return ticket;
        }
        var turn = inTurn(available, previous);
        var chosen = queue.assignmentMode() == AssignmentMode.LEAST_LOADED ? leastLoaded(turn).orElseThrow()
                : turn.getFirst();
        store.movePointer(queue.id(), chosen);
        store.assign(ticket.id(), chosen, now);
        tickets.recordChange(ticket.id(), Actors.SYSTEM, now, "assignee", null, chosen.toString());
        return new Ticket(ticket.id(), ticket.number(), ticket.requesterId(), ticket.subject(), ticket.description(),
                ticket.categoryId(), ticket.subcategoryId(), ticket.queueId(), ticket.impact(), ticket.urgency(),
                ticket.priority(), ticket.status(), ticket.resolution(), ticket.customFields(), chosen,
                ticket.createdAt(), ticket.updatedAt(), ticket.resolvedAt());
    }

    /** Of these people, the one with the fewest open tickets; ties go to the earliest in the list. */
    Optional<UUID> leastLoaded(List<UUID> people) {
        var load = store.openLoad(people);
        return people.stream().min(Comparator.comparingInt(load::get));
    }

    /** The queue's managers who are not away (all of them if every one is), least loaded first among equals. */
    Optional<UUID> leastLoadedManager(Queue queue) {
        var available = store.available(queue.managers());
        return leastLoaded(available.isEmpty() ? queue.managers() : available);
    }

    /** Assigns outside round-robin (the SLA monitor), recording the change. */
    void reassign(UUID ticket, UUID from, UUID to, Instant now) {
        store.assign(ticket, to, now);
        tickets.recordChange(ticket, Actors.SYSTEM, now, "assignee", string(from), to.toString());
    }

    @Transactional(readOnly = true)
    public AssignmentDetails get(CurrentUser caller, UUID id) {
        var ticket = tickets.find(id).orElseThrow(() -> new DeskNotFound("ticket"));
        visible(caller, ticket);
        return details(ticket);
    }

    /** Assigns or reassigns the ticket to an agent of its queue (agents and managers of the queue, administrators). */
    @Transactional
    public AssignmentDetails assign(CurrentUser caller, UUID id, UUID agent) {
        var ticket = tickets.lock(id).orElseThrow(() -> new DeskNotFound("ticket"));
        var queue = visible(caller, ticket);
        if (!Tickets.works(caller, queue)) {
            throw new TicketActionRefused("desk.not_an_agent_of_the_queue",
                    "Only the agents and managers of the ticket's queue assign it.");
        }
        if (agent == null) {
            throw new InvalidDeskInput(INVALID, "agentId", "must not be null");
        }
        if (!queue.isAgent(agent)) {
            throw new NotQueueAgent();
        }
        if (!agent.equals(ticket.assigneeId())) {
            var now = now();
            store.assign(id, agent, now);
            tickets.recordChange(id, caller.id().value(), now, "assignee", string(ticket.assigneeId()),
                    agent.toString());
        }
        return details(tickets.find(id).orElseThrow());
    }

    /** The assignee takes the ticket on. */
    @Transactional
    public AssignmentDetails accept(CurrentUser caller, UUID id) {
        var ticket = tickets.lock(id).orElseThrow(() -> new DeskNotFound("ticket"));
        visible(caller, ticket);
        requireAssignee(caller, ticket);
        if (store.acceptedAt(id) == null) {
            var now = now();
            store.accept(id, now);
            tickets.recordChange(id, caller.id().value(), now, "acceptance", null, "ACCEPTED");
        }
        return details(tickets.find(id).orElseThrow());
    }

    /** The assignee gives the ticket back to its queue, saying why; it stays unassigned until someone takes it. */
    @Transactional
    public AssignmentDetails decline(CurrentUser caller, UUID id, String reason) {
        var ticket = tickets.lock(id).orElseThrow(() -> new DeskNotFound("ticket"));
        visible(caller, ticket);
        requireAssignee(caller, ticket);
        var problems = new FieldProblems(INVALID);
        var text = problems.text("reason", reason, 1, MAX_REASON);
        problems.throwIfAny();
        var now = now();
        store.assign(id, null, now);
        tickets.recordChange(id, caller.id().value(), now, "assignee", ticket.assigneeId().toString(), null);
        tickets.recordChange(id, caller.id().value(), now, "decline_reason", null, text);
        return details(tickets.find(id).orElseThrow());
    }

    /** Whether the caller is away (gets no tickets from round-robin). */
    @Transactional(readOnly = true)
    public boolean isAway(CurrentUser caller) {
        return store.isAway(caller.id().value());
    }

    @Transactional
    public boolean setAway(CurrentUser caller, boolean away) {
        store.setAway(caller.id().value(), away, now());
        return away;
    }

    /**
     * The people in turn after the one who got the last ticket (everyone in order if nobody yet). The order is the
     * ids' text, as PostgreSQL sorts uuids (Java's {@link UUID#compareTo} compares signed halves, which differs).
     */
    private static List<UUID> inTurn(List<UUID> people, UUID previous) {
        var sorted = people.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        int start = 0;
        if (previous != null) {
            while (start < sorted.size() && sorted.get(start).toString().compareTo(previous.toString()) <= 0) {
                start++;
            }
        }
        var turn = new ArrayList<UUID>(sorted.subList(start, sorted.size()));
        turn.addAll(sorted.subList(0, start));
        return turn;
    }

    private Queue visible(CurrentUser caller, Ticket ticket) {
        var queue = queues.find(ticket.queueId()).orElseThrow(() -> new DeskNotFound("queue"));
        if (!Tickets.canSee(caller, ticket, queue)) {
            throw new DeskNotFound("ticket");
        }
        return queue;
    }

    private static void requireAssignee(CurrentUser caller, Ticket ticket) {
        if (!caller.id().value().equals(ticket.assigneeId())) {
            throw new TicketActionRefused("desk.not_the_assignee", "Only the ticket's assignee accepts or declines it.");
        }
    }

    private AssignmentDetails details(Ticket ticket) {
        return new AssignmentDetails(ticket.id(), ticket.queueId(), ticket.assigneeId(),
                ticket.assigneeId() == null ? null : store.acceptedAt(ticket.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }
}
