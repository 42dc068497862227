package io.usher.desk.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a ticket, and to one of its comments once the comment names it.
 *
 * @param commentId the comment it belongs to, or {@code null} while it is attached to the ticket only
 * @param commentVisibility the visibility of that comment, or {@code null}
 */
public record TicketAttachment(UUID attachmentId, UUID ticketId, UUID commentId, String commentVisibility,
        UUID uploaderId, String name, String contentType, long size, Instant createdAt) {
}
