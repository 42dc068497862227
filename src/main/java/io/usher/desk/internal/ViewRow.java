package io.usher.desk.internal;

import java.time.Instant;
import java.util.UUID;

import io.usher.desk.Priority;
import io.usher.desk.SlaTarget;
import io.usher.desk.TicketStatus;

/**
 * One ticket in a view.
 *
 * @param due the nearest due time of the running SLA timers; null when none runs
 * @param dueTarget which timer {@code due} belongs to
 * @param assigneeName null when unassigned or the account is gone; likewise {@code requesterName}
 */
public record ViewRow(UUID id, String number, String subject, TicketStatus status, Priority priority, UUID queueId,
        String queueName, UUID assigneeId, String assigneeName, UUID requesterId, String requesterName, Instant due,
        SlaTarget dueTarget, DueState sla) {

    /** Where the ticket stands against its SLA, as of the page's instant. */
    public enum DueState {
        /** A running timer is past its due time. */
        BREACHED,
        /** A running timer is due within the breaching horizon. */
        DUE_SOON,
        /** Running, due later. */
        ON_TRACK,
        /** ON_HOLD: the timers wait for the requester. */
        PAUSED,
        /** No timer runs (met, or the ticket is resolved or closed). */
        NONE
    }
}
