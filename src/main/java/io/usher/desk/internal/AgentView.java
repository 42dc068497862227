package io.usher.desk.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The agent workspace's lists of tickets, each sorted by SLA due (the nearest due time of the ticket's running
 * timers, tickets without one last).
 */
public enum AgentView {
    /** Open tickets (not RESOLVED or CLOSED) assigned to the caller, in the caller's queues. */
    MINE,
    /** Open tickets of the caller's queues that nobody is assigned to. */
    UNASSIGNED,
    /** Tickets of the caller's queues with a running SLA timer already breached or due within the horizon. */
    BREACHING,
    /** Every ticket of the caller's queues, whatever its status. */
    ALL;

    /** The path segment and query value: {@code mine}, {@code unassigned}, {@code breaching}, {@code all}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AgentView> of(String slug) {
        for (var view : values()) {
            if (view.slug().equals(slug)) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }
}
