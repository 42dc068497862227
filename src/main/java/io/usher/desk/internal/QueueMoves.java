package io.usher.desk.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.DeskNotFound;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.SlaTarget;
import io.usher.desk.TicketActionRefused;
import io.usher.identity.CurrentUser;

/**
 * Moves a ticket to another queue (agents and managers of its current queue, administrators). An assignee who is no
 * agent of the new queue is unassigned. If the new queue works by another calendar, the timers not yet met are
 * retargeted onto it with the same targets, so each due time is explained by the calendar it now counts by (the
 * business time since the timer's last event is counted by the new calendar).
 */
@Service
public class QueueMoves {

    private final TicketAccess access;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final AssignmentStore assignments;
    private final TicketSla sla;
    private final SlaEventStore slaEvents;
    private final Clock clock;

    QueueMoves(TicketAccess access, TicketStore tickets, QueueStore queues, AssignmentStore assignments, TicketSla sla,
            SlaEventStore slaEvents, Clock clock) {
        this.access = access;
        this.tickets = tickets;
        this.queues = queues;
        this.assignments = assignments;
        this.sla = sla;
        this.slaEvents = slaEvents;
        this.clock = clock;
    }

    @Transactional
    public void move(CurrentUser caller, UUID ticketId, UUID queueId) {
        var seen = access.lock(caller, ticketId);
        if (!seen.agent()) {
            throw new TicketActionRefused("desk.not_an_agent_of_the_queue",
                    "Only the agents and managers of the ticket's queue move it to another queue.");
        }
        if (queueId == null) {
            throw new InvalidDeskInput("desk.invalid_ticket", "queueId", "must not be null");
        }
        var from = seen.queue();
        var to = queues.find(queueId).orElseThrow(() -> new DeskNotFound("queue"));
        if (to.id().equals(from.id())) {
            return;
        }
        var ticket = seen.ticket();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var actor = caller.id().value();
        tickets.moveQueue(ticketId, to.id(), now);
        tickets.touch(ticketId, now);
        tickets.recordChange(ticketId, actor, now, "queue", from.id().toString(), to.id().toString());
        if (ticket.assigneeId() != null && !to.isAgent(ticket.assigneeId())) {
            assignments.assign(ticketId, null, now);
            tickets.recordChange(ticketId, actor, now, "assignee", ticket.assigneeId().toString(), null);
        }
        if (!to.calendarId().equals(from.calendarId())) {
            var timers = sla.current(ticketId, to.calendarId());
            var reason = "queue " + from.name() + " → " + to.name();
            var clocks = new EnumMap<>(timers.clocks());
            clocks.replaceAll((target, timer) -> {
                if (timer.isMet()) {
                    return timer;
                }
                var next = timer.retarget(now, timer.targetMinutes(), reason, timers.calendar());
                slaEvents.append(ticketId, next.last());
                return next;
            });
            tickets.dueTimes(ticketId, clocks.get(SlaTarget.FIRST_RESPONSE).due(),
                    clocks.get(SlaTarget.RESOLUTION).due());
        }
    }
}
