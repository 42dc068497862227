package io.usher.desk;

import java.time.Instant;

import io.usher.identity.UserId;

/**
 * Something about a ticket changed: a recorded field (status, priority, assignee …) or its conversation. For pages
 * that follow the ticket live; it carries no content, so each reader fetches what they may see.
 *
 * @param actor who did it (the nil UUID for the desk's own rules)
 * @param internal whether only the queue's agents may know of it (an internal note)
 */
public record DeskTicketUpdated(TicketId ticket, UserId actor, Kind kind, boolean internal, Instant at) {

    /** What changed. */
    public enum Kind {
        CHANGE, COMMENT
    }
}
