package io.usher.desk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.usher.desk.CategoryId;
import io.usher.desk.DeskSlaBreached;
import io.usher.desk.DeskSlaWarning;
import io.usher.desk.SlaEvent;
import io.usher.desk.TicketId;
import io.usher.identity.UserId;

/**
 * What the SLA monitor does to one ticket whose timer is due (the caller holds the ticket's row lock): replays its
 * timers and appends a WARNING at {@link io.usher.desk.SlaClock#WARNING_SHARE} of a target or a BREACH past it —
 * each at most once per timer, whichever instance gets there —, bumps a breached ticket's priority one level (which
 * retargets its timers), hands it to the queue's least-loaded manager if the queue says so, and tells the assignee
 * and the managers.
 */
@Component
class SlaEscalation {

    private final TicketStore tickets;
    private final QueueStore queues;
    private final TicketSla sla;
    private final SlaEventStore events;
    private final SlaSchedule schedule;
    private final Assignments assignments;
    private final ApplicationEventPublisher publisher;

    SlaEscalation(TicketStore tickets, QueueStore queues, TicketSla sla, SlaEventStore events, SlaSchedule schedule,
            Assignments assignments, ApplicationEventPublisher publisher) {
        this.tickets = tickets;
        this.queues = queues;
        this.sla = sla;
        this.events = events;
        this.schedule = schedule;
        this.assignments = assignments;
        this.publisher = publisher;
    }

    void check(UUID id, Instant now) {
        // A breach retargets the other timer, which may then be due at once: look again until nothing is.
        for (int round = 0; round < 3 && checkOnce(id, now); round++) {
        }
        var ticket = tickets.find(id).orElseThrow();
        var queue = queues.find(ticket.queueId()).orElseThrow();
        var timers = sla.current(id, queue.calendarId());
        timers.clocks().forEach((target, clock) -> {
            if (clock.last().at().isAfter(now)) {
                return;
            }
            boolean live = clock.isRunning() && !clock.isBreached();
            schedule.set(id, target, live ? clock.warningDue(timers.calendar()) : null, live ? clock.due() : null);
        });
    }

    /** One pass over the ticket's timers; answers whether anything happened. */
    private boolean checkOnce(UUID id, Instant now) {
        var ticket = tickets.find(id).orElseThrow();
        var queue = queues.find(ticket.queueId()).orElseThrow();
        var timers = sla.current(id, queue.calendarId());
        var calendar = timers.calendar();
        var warnings = new ArrayList<SlaEvent>();
        var breaches = new ArrayList<SlaEvent>();
        for (var clock : timers.clocks().values()) {
            // (an event stamped later than now came from an instance whose clock runs ahead: wait for it)
            if (!clock.isRunning() || clock.isBreached() || clock.last().at().isAfter(now)) {
                continue;
            }
            if (!clock.due().isAfter(now)) {
                var breach = clock.breach(now, calendar).last();
                events.append(id, breach);
                breaches.add(breach);
            } else if (!clock.hasWarned()) {
                var warningDue = clock.warningDue(calendar);
                if (warningDue != null && !warningDue.isAfter(now)) {
                    var warning = clock.warn(now, calendar).last();
                    events.append(id, warning);
                    warnings.add(warning);
                }
            }
        }
        var assignee = ticket.assigneeId();
        var priority = ticket.priority();
        if (!breaches.isEmpty()) {
            var bumped = priority.bumped();
            if (bumped != priority) {
                tickets.changePriority(id, bumped, now);
                tickets.recordChange(id, Actors.SYSTEM, now, "priority", priority.name(), bumped.name());
                var retargeted = sla.priorityChanged(id, queue.calendarId(), priority, bumped, categoryIds(ticket), now);
                tickets.dueTimes(id, retargeted.firstResponse().due(), retargeted.resolution().due());
                priority = bumped;
            }
            if (queue.reassignOnBreach()) {
                var manager = assignments.leastLoadedManager(queue);
                if (manager.isPresent() && !manager.get().equals(assignee)) {
                    assignments.reassign(id, assignee, manager.get(), now);
                    assignee = manager.get();
                }
            }
        }
        var recipients = recipients(assignee, queue);
        for (var warning : warnings) {
            publisher.publishEvent(new DeskSlaWarning(new TicketId(id), ticket.number(), ticket.subject(),
                    warning.target(), warning.due(), warning.explanation(), recipients, now));
        }
        for (var breach : breaches) {
            publisher.publishEvent(new DeskSlaBreached(new TicketId(id), ticket.number(), ticket.subject(),
                    breach.target(), breach.due(), priority, assignee == null ? null : new UserId(assignee),
                    breach.explanation(), recipients, now));
        }
        return !warnings.isEmpty() || !breaches.isEmpty();
    }

    private static List<UserId> recipients(UUID assignee, Queue queue) {
        var people = new LinkedHashSet<UUID>();
        if (assignee != null) {
            people.add(assignee);
        }
        people.addAll(queue.managers());
        return people.stream().map(UserId::new).toList();
    }

    private static List<CategoryId> categoryIds(Ticket ticket) {
        return Arrays.asList(ticket.subcategoryId() == null ? null : new CategoryId(ticket.subcategoryId()),
                new CategoryId(ticket.categoryId()));
    }
}
