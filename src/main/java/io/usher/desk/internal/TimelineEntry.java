package io.usher.desk.internal;

import java.time.Instant;
import java.util.UUID;

/** One line of a ticket's timeline: a comment, or a recorded field change. */
public sealed interface TimelineEntry {

    Instant at();

    record CommentEntry(CommentDetails details) implements TimelineEntry {

        @Override
        public Instant at() {
            return details.comment().createdAt();
        }
    }

    record ChangeEntry(UUID actorId, Instant at, String field, String oldValue, String newValue)
            implements TimelineEntry {
    }
}
