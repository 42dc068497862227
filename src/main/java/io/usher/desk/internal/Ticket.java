package io.usher.desk.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.usher.desk.Impact;
import io.usher.desk.Priority;
import io.usher.desk.TicketStatus;
import io.usher.desk.Urgency;

/** A support ticket as stored. */
public record Ticket(UUID id, String number, UUID requesterId, String subject, String description, UUID categoryId,
        UUID subcategoryId, UUID queueId, Impact impact, Urgency urgency, Priority priority, TicketStatus status,
        String resolution, Map<String, Object> customFields, UUID assigneeId, Instant createdAt, Instant updatedAt,
        Instant resolvedAt) {
}
