package io.usher.desk.internal;

import java.time.Instant;
import java.util.UUID;

/** Who works a ticket: its queue, its assignee (none while it waits in the queue) and when they accepted it. */
public record AssignmentDetails(UUID ticketId, UUID queueId, UUID assigneeId, Instant acceptedAt) {
}
