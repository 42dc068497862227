package io.usher.desk.internal;

import java.time.Instant;
import java.util.UUID;

/** A requester's rating of one resolution of their ticket. */
public record RatingDetails(UUID ticketId, int score, String comment, Instant resolvedAt, Instant ratedAt) {
}
