package io.usher.desk.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.usher.desk.BusinessCalendar;
import io.usher.desk.CategoryId;
import io.usher.desk.DeskNotFound;
import io.usher.desk.Priority;
import io.usher.desk.SlaClock;
import io.usher.desk.SlaTarget;
import io.usher.desk.TicketStatus;

/**
 * Runs a ticket's two SLA timers: starts them with the policy's targets, pauses and resumes them as the status
 * changes, stops them when met, retargets them when the priority changes. Each change appends one event per timer it
 * touches; the caller holds the ticket's row lock, so a ticket's log is written by one transaction at a time.
 */
@Component
class TicketSla {

    private final SlaEventStore events;
    private final CalendarStore calendars;
    private final SlaPolicyManagement policies;

    TicketSla(SlaEventStore events, CalendarStore calendars, SlaPolicyManagement policies) {
        this.events = events;
        this.calendars = calendars;
        this.policies = policies;
    }

    /** Both timers of a ticket and the calendar they count by. */
    record Timers(BusinessCalendar calendar, Map<SlaTarget, SlaClock> clocks) {

        SlaClock firstResponse() {
            return clocks.get(SlaTarget.FIRST_RESPONSE);
        }

        SlaClock resolution() {
            return clocks.get(SlaTarget.RESOLUTION);
        }
    }

    Timers start(UUID ticket, UUID calendarId, Priority priority, List<CategoryId> categories, Instant at) {
        var calendar = calendar(calendarId);
        var policy = policies.policies().policyFor(priority, categories);
        var clocks = new EnumMap<SlaTarget, SlaClock>(SlaTarget.class);
        for (var target : SlaTarget.values()) {
            var clock = SlaClock.start(target, at, policy.minutes(target), priority.name(), calendar);
            events.append(ticket, clock.last());
            clocks.put(target, clock);
        }
        return new Timers(calendar, clocks);
    }

    Timers current(UUID ticket, UUID calendarId) {
        var calendar = calendar(calendarId);
        var log = events.of(ticket);
        var clocks = new EnumMap<SlaTarget, SlaClock>(SlaTarget.class);
        log.forEach((target, list) -> clocks.put(target, SlaClock.replay(target, list)));
        return new Timers(calendar, clocks);
    }

    /**
     * Follows a status change: timers pause in ON_HOLD and CLOSED and run again when the ticket is worked on;
     * RESOLVED meets resolution (and first response, if no public reply met it before); REOPENED resumes resolution.
     */
    Timers statusChanged(UUID ticket, UUID calendarId, TicketStatus to, Instant at) {
        var timers = current(ticket, calendarId);
        var calendar = timers.calendar();
        var clocks = new EnumMap<>(timers.clocks());
        clocks.replaceAll((target, clock) -> {
            SlaClock next = clock;
            if (to == TicketStatus.RESOLVED) {
                if (!clock.isMet()) {
                    next = clock.met(at, "RESOLVED", calendar);
                }
            } else if (to.slaRuns()) {
                boolean resumes = clock.isPaused()
                        || clock.isMet() && target == SlaTarget.RESOLUTION && to == TicketStatus.REOPENED;
                if (resumes) {
                    next = clock.resume(at, to.name(), calendar);
                }
            } else if (clock.isRunning()) {
                next = clock.pause(at, to.name(), calendar);
            }
            if (next != clock) {
                events.append(ticket, next.last());
            }
            return next;
        });
        return new Timers(calendar, clocks);
    }

    /** Retargets the timers not yet met to the new priority's policy. */
    Timers priorityChanged(UUID ticket, UUID calendarId, Priority from, Priority to, List<CategoryId> categories,
            Instant at) {
        var timers = current(ticket, calendarId);
        var calendar = timers.calendar();
        var policy = policies.policies().policyFor(to, categories);
        var clocks = new EnumMap<>(timers.clocks());
        clocks.replaceAll((target, clock) -> {
            if (clock.isMet()) {
                return clock;
            }
            var next = clock.retarget(at, policy.minutes(target), from + " → " + to, calendar);
            events.append(ticket, next.last());
            return next;
        });
        return new Timers(calendar, clocks);
    }

    /**
     * The first public reply of an agent meets the first-response timer, running or paused; a timer met already
     * (by an earlier reply, or by resolution) stays as it is.
     */
    Timers firstPublicReply(UUID ticket, UUID calendarId, Instant at) {
        var timers = current(ticket, calendarId);
        var clock = timers.firstResponse();
        if (clock.isMet()) {
            return timers;
        }
        var next = clock.met(at, "first public reply", timers.calendar());
        events.append(ticket, next.last());
        var clocks = new EnumMap<>(timers.clocks());
        clocks.put(SlaTarget.FIRST_RESPONSE, next);
        return new Timers(timers.calendar(), clocks);
    }

    private BusinessCalendar calendar(UUID id) {
        return calendars.find(id).orElseThrow(() -> new DeskNotFound("calendar")).calendar();
    }
}
