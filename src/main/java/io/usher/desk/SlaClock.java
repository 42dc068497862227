package io.usher.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One SLA timer of a ticket, folded from its append-only {@link SlaEvent}s. Each change returns a new clock with
 * one more event (the caller appends that event to the log); {@link #replay} rebuilds the clock from the log.
 *
 * <p>Business time counts only while the timer runs: from {@code START} or {@code RESUME} to {@code PAUSE} or
 * {@code MET}. Every event records the business time consumed at its instant, so the current state needs only the
 * last event and the calendar. Immutable.
 */
public final class SlaClock {

    /** A timer warns at this share of its target. */
    public static final double WARNING_SHARE = 0.8;

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** Where a timer stands. */
    public enum Status {
        RUNNING, PAUSED, MET, BREACHED
    }

    private enum Phase {
        RUNNING, PAUSED, STOPPED
    }

    private final SlaTarget target;
    private final List<SlaEvent> events;
    private final Phase phase;
    private final boolean warned;
    private final boolean breached;

    private SlaClock(SlaTarget target, List<SlaEvent> events) {
        this.target = target;
        this.events = List.copyOf(events);
        var phase = Phase.RUNNING;
        boolean warned = false;
        boolean breached = false;
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            if (event.target() != target) {
                throw new IllegalArgumentException("an event of the " + event.target() + " timer in " + target + "'s");
            }
            if ((i == 0) != (event.type() == SlaEvent.Type.START)) {
                throw new IllegalArgumentException("a timer's log begins with its one START");
            }
            if (i > 0 && event.at().isBefore(events.get(i - 1).at())) {
                throw new IllegalArgumentException("SLA events are in time order");
            }
            switch (event.type()) {
                case START, RESUME -> phase = Phase.RUNNING;
                case PAUSE -> phase = Phase.PAUSED;
                case MET -> {
                    phase = Phase.STOPPED;
                    breached |= event.consumed().compareTo(Duration.ofMinutes(event.targetMinutes())) > 0;
                }
                case WARNING -> warned = true;
                case BREACH -> breached = true;
                case RETARGET -> { }
            }
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a timer has at least its START");
        }
        this.phase = phase;
        this.warned = warned;
        this.breached = breached;
    }

    /** Rebuilds a timer from its log, oldest first. */
    public static SlaClock replay(SlaTarget target, List<SlaEvent> events) {
        return new SlaClock(target, events);
    }

    /**
     * Starts a timer.
     *
     * @param reason why this target, e.g. the priority {@code HIGH}
     */
    public static SlaClock start(SlaTarget target, Instant at, long targetMinutes, String reason,
            BusinessCalendar calendar) {
        if (targetMinutes < 1) {
            throw new IllegalArgumentException("an SLA target is at least one business minute");
        }
        var due = calendar.addBusinessMinutes(at, targetMinutes);
        var event = new SlaEvent(target, SlaEvent.Type.START, at, Duration.ZERO, targetMinutes, due, reason,
                "Started with " + targetMinutes + " business minutes" + paren(reason) + " on calendar "
                        + calendar.describe() + "; due " + dayTime(due, calendar) + ".");
        return new SlaClock(target, List.of(event));
    }

    /** Stops counting (the ticket waits on the requester). */
    public SlaClock pause(Instant at, String reason, BusinessCalendar calendar) {
        require(Phase.RUNNING, "pause");
        var consumed = consumedAt(at, calendar);
        return with(new SlaEvent(target, SlaEvent.Type.PAUSE, at, consumed, targetMinutes(), null, reason,
                "Paused" + (reason.isBlank() ? "" : " while " + reason) + " after " + consumed.toMinutes()
                        + " business minutes; " + left(consumed) + "."));
    }

    /**
     * Counts again from {@code at}; the due time moves by the business time the pause covered. A met timer resumes
     * too (the ticket was reopened), with the business time it had consumed.
     */
    public SlaClock resume(Instant at, String reason, BusinessCalendar calendar) {
        if (phase == Phase.RUNNING) {
            throw new IllegalStateException("cannot resume the " + target + " timer: it is running");
        }
        var consumed = last().consumed();
        var due = dueFrom(at, consumed, targetMinutes(), calendar);
        return with(new SlaEvent(target, SlaEvent.Type.RESUME, at, consumed, targetMinutes(), due, reason,
                "Resumed" + paren(reason) + " with " + left(consumed) + "; due " + dayTime(due, calendar) + "."));
    }

    /**
     * Replaces the target (the priority changed), keeping the business time already consumed. If that already
     * exceeds the new target, the timer is due at once.
     */
    public SlaClock retarget(Instant at, long newTargetMinutes, String reason, BusinessCalendar calendar) {
        if (phase == Phase.STOPPED) {
            throw new IllegalStateException("a met " + target + " timer is not retargeted");
        }
        if (newTargetMinutes < 1) {
            throw new IllegalArgumentException("an SLA target is at least one business minute");
        }
        var consumed = consumedAt(at, calendar);
        var due = phase == Phase.RUNNING ? dueFrom(at, consumed, newTargetMinutes, calendar) : null;
        return with(new SlaEvent(target, SlaEvent.Type.RETARGET, at, consumed, newTargetMinutes, due, reason,
                "Retargeted from " + targetMinutes() + " to " + newTargetMinutes + " business minutes" + paren(reason)
                        + " after " + consumed.toMinutes() + " used; "
                        + (due == null ? "still paused" : "due " + dayTime(due, calendar)) + "."));
    }

    /** The target was achieved (first public reply, resolution); the timer stops. */
    public SlaClock met(Instant at, String reason, BusinessCalendar calendar) {
        if (phase == Phase.STOPPED) {
            throw new IllegalStateException("the " + target + " timer is already met");
        }
        var consumed = consumedAt(at, calendar);
        var over = consumed.minus(Duration.ofMinutes(targetMinutes()));
        return with(new SlaEvent(target, SlaEvent.Type.MET, at, consumed, targetMinutes(), null, reason,
                (over.isPositive() ? "Met late" : "Met") + paren(reason) + " after " + consumed.toMinutes()
                        + " of " + targetMinutes() + " business minutes."));
    }

    /** The monitor found the timer past {@link #WARNING_SHARE} of its target. */
    public SlaClock warn(Instant at, BusinessCalendar calendar) {
        require(Phase.RUNNING, "warn");
        if (warned) {
            throw new IllegalStateException("the " + target + " timer has already warned");
        }
        var consumed = consumedAt(at, calendar);
        return with(new SlaEvent(target, SlaEvent.Type.WARNING, at, consumed, targetMinutes(), last().due(), "",
                "Warning: " + consumed.toMinutes() + " of " + targetMinutes() + " business minutes used; due "
                        + dayTime(last().due(), calendar) + "."));
    }

    /** The monitor found the timer past its target. */
    public SlaClock breach(Instant at, BusinessCalendar calendar) {
        require(Phase.RUNNING, "breach");
        if (breached) {
            throw new IllegalStateException("the " + target + " timer has already breached");
        }
        var consumed = consumedAt(at, calendar);
        return with(new SlaEvent(target, SlaEvent.Type.BREACH, at, consumed, targetMinutes(), last().due(), "",
                "Breached: " + consumed.toMinutes() + " of " + targetMinutes() + " business minutes used; was due "
                        + dayTime(last().due(), calendar) + "."));
    }

    public SlaTarget target() {
        return target;
    }

    /** The log, oldest first. */
    public List<SlaEvent> events() {
        return events;
    }

    /** The newest event (the one a change just appended). */
    public SlaEvent last() {
        return events.getLast();
    }

    public long targetMinutes() {
        return last().targetMinutes();
    }

    public boolean isRunning() {
        return phase == Phase.RUNNING;
    }

    public boolean isPaused() {
        return phase == Phase.PAUSED;
    }

    public boolean isMet() {
        return phase == Phase.STOPPED;
    }

    public boolean hasWarned() {
        return warned;
    }

    /** Breached: the monitor said so, or the timer was met past its target. */
    public boolean isBreached() {
        return breached;
    }

    public Status status() {
        if (isBreached()) {
            return Status.BREACHED;
        }
        return switch (phase) {
            case RUNNING -> Status.RUNNING;
            case PAUSED -> Status.PAUSED;
            case STOPPED -> Status.MET;
        };
    }

    /** When the target is reached while running; empty while paused or once met. */
    public Instant due() {
        return phase == Phase.RUNNING ? last().due() : null;
    }

    /** When the timer reaches {@link #WARNING_SHARE} of its target, if running and not yet warned. */
    public Instant warningDue(BusinessCalendar calendar) {
        if (phase != Phase.RUNNING || warned) {
            return null;
        }
        var threshold = Duration.ofSeconds(Math.round(targetMinutes() * 60 * WARNING_SHARE));
        var toGo = threshold.minus(last().consumed());
        return toGo.isNegative() ? last().at() : calendar.addBusinessTime(last().at(), toGo);
    }

    /** Business time consumed by {@code now}. */
    public Duration consumedAt(Instant now, BusinessCalendar calendar) {
        var last = last();
        if (phase != Phase.RUNNING || !now.isAfter(last.at())) {
            return last.consumed();
        }
        return last.consumed().plus(calendar.businessTimeBetween(last.at(), now));
    }

    /** Business time left at {@code now}; negative once overdue. */
    public Duration remainingAt(Instant now, BusinessCalendar calendar) {
        return Duration.ofMinutes(targetMinutes()).minus(consumedAt(now, calendar));
    }

    /** The timer's state at {@code now}, as a value to show or serialize. */
    public SlaState stateAt(Instant now, BusinessCalendar calendar) {
        var consumed = consumedAt(now, calendar);
        var remaining = Duration.ofMinutes(targetMinutes()).minus(consumed);
        var status = status();
        if (status == Status.RUNNING && remaining.isNegative()) {
            status = Status.BREACHED;
        }
        return new SlaState(target, status, targetMinutes(), consumed.toMinutes(),
                remaining.isNegative() ? -ceilMinutes(remaining.negated()) : remaining.toMinutes(), due(),
                explain(calendar));
    }

    /**
     * Why the timer is due when it is, e.g. {@code started Mon 2026-12-21 09:12 with 120 business minutes (HIGH);
     * paused 10:00–14:30 while ON_HOLD; calendar 'Support EU' Mon–Fri 09:00–17:00 Europe/Berlin, holiday
     * 2026-12-25; due Tue 2026-12-22 09:42}.
     */
    public String explain(BusinessCalendar calendar) {
        var parts = new ArrayList<String>();
        SlaEvent pausedAt = null;
        for (var event : events) {
            switch (event.type()) {
                case START -> parts.add("started " + dayTime(event.at(), calendar) + " with " + event.targetMinutes()
                        + " business minutes" + paren(event.reason()));
                case PAUSE -> pausedAt = event;
                case RESUME -> {
                    if (pausedAt != null) {
                        parts.add("paused " + range(pausedAt.at(), event.at(), calendar) + whileReason(pausedAt));
                        pausedAt = null;
                    }
                }
                case RETARGET -> parts.add("retargeted " + dayTime(event.at(), calendar) + " to "
                        + event.targetMinutes() + " business minutes" + paren(event.reason()) + " with "
                        + event.consumedMinutes() + " used");
                case WARNING -> parts.add("warned " + dayTime(event.at(), calendar));
                case BREACH -> parts.add("breached " + dayTime(event.at(), calendar));
                case MET -> parts.add("met " + dayTime(event.at(), calendar) + " after " + event.consumedMinutes()
                        + " business minutes" + paren(event.reason()));
            }
        }
        if (pausedAt != null) {
            parts.add("paused since " + dayTime(pausedAt.at(), calendar) + whileReason(pausedAt) + ", "
                    + left(pausedAt.consumed()));
        }
        var end = due() != null ? due() : last().at();
        var holidays = calendar.holidaysBetween(events.getFirst().at(), end);
        parts.add("calendar " + calendar.describe() + (holidays.isEmpty() ? ""
                : holidays.stream().map(h -> h.date().toString())
                        .collect(Collectors.joining(", ", holidays.size() == 1 ? ", holiday " : ", holidays ", ""))));
        if (due() != null) {
            parts.add("due " + dayTime(due(), calendar));
        }
        return String.join("; ", parts);
    }

    private SlaClock with(SlaEvent event) {
        var all = new ArrayList<>(events);
        all.add(event);
        return new SlaClock(target, all);
    }

    private void require(Phase expected, String action) {
        if (phase != expected) {
            throw new IllegalStateException("cannot " + action + " the " + target + " timer: it is "
                    + phase.name().toLowerCase(Locale.ROOT));
        }
    }

    private String left(Duration consumed) {
        var left = Duration.ofMinutes(targetMinutes()).minus(consumed);
        return left.isNegative() ? ceilMinutes(left.negated()) + " business minutes over"
                : left.toMinutes() + " business minutes left";
    }

    private static Instant dueFrom(Instant at, Duration consumed, long targetMinutes, BusinessCalendar calendar) {
        var left = Duration.ofMinutes(targetMinutes).minus(consumed);
        return left.isNegative() ? at : calendar.addBusinessTime(at, left);
    }

    private static long ceilMinutes(Duration duration) {
        var minutes = duration.toMinutes();
        return duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
    }

    private static String whileReason(SlaEvent pause) {
        return pause.reason().isBlank() ? "" : " while " + pause.reason();
    }

    private static String paren(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }

    private static String range(Instant from, Instant to, BusinessCalendar calendar) {
        var zone = calendar.zone();
        boolean sameDay = LocalDate.ofInstant(from, zone).equals(LocalDate.ofInstant(to, zone));
        return dayTime(from, calendar) + "–" + (sameDay ? TIME.format(to.atZone(zone)) : dayTime(to, calendar));
    }

    static String dayTime(Instant at, BusinessCalendar calendar) {
        return DAY_TIME.format(Objects.requireNonNull(at).atZone(calendar.zone()));
    }
}
