package io.usher.desk.internal;

import java.time.Instant;

/** The body a comment had from {@code writtenAt} until an edit replaced it at {@code replacedAt}. */
public record CommentRevision(String body, Instant writtenAt, Instant replacedAt) {
}
