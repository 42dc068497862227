package io.usher.desk;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life, with the transitions allowed from each status. SLA timers run in {@code NEW, OPEN,
 * IN_PROGRESS, REOPENED}, pause in {@code ON_HOLD} (waiting on the requester) and {@code CLOSED}, and resolution is
 * met by {@code RESOLVED}.
 */
public enum TicketStatus {
    NEW, OPEN, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, REOPENED;

    /** The statuses this one may change to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, CLOSED);
            case OPEN -> EnumSet.of(IN_PROGRESS, ON_HOLD, CLOSED);
            case IN_PROGRESS -> EnumSet.of(ON_HOLD, RESOLVED, CLOSED);
            case ON_HOLD -> EnumSet.of(IN_PROGRESS, CLOSED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(OPEN, IN_PROGRESS, CLOSED);
        };
    }

    public boolean canBecome(TicketStatus target) {
        return next().contains(target);
    }

    /** Whether SLA timers count in this status. */
    public boolean slaRuns() {
        return this == NEW || this == OPEN || this == IN_PROGRESS || this == REOPENED;
    }
}
