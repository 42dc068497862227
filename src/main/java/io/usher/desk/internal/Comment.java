package io.usher.desk.internal;

import java.time.Instant;
import java.util.UUID;

import io.usher.desk.CommentVisibility;

/**
 * A comment on a ticket as stored.
 *
 * @param byAgent written by an agent or manager of the queue (or an administrator), not by the requester
 */
public record Comment(UUID id, UUID ticketId, UUID authorId, CommentVisibility visibility, boolean byAgent,
        String body, Instant createdAt, Instant editedAt) {

    public boolean isInternal() {
        return visibility == CommentVisibility.INTERNAL;
    }
}
