package io.usher.desk;

import java.time.Instant;

import io.usher.identity.UserId;

/**
 * Someone replied publicly on a ticket that {@code watcher} watches; they are told as the requester is. One event
 * per watcher (never the reply's author or the requester); never published for internal notes.
 *
 * @param excerpt the start of the reply, as written (Markdown)
 */
public record DeskWatchedTicketReplied(TicketId ticket, String number, String subject, UserId watcher,
        String watcherEmail, String author, String excerpt, Instant at) {
}
