package io.usher.desk;

import java.time.Instant;

import io.usher.identity.UserId;

/**
 * An agent replied publicly on a ticket; the requester is told. Never published for internal notes.
 *
 * @param excerpt the start of the reply, as written (Markdown)
 */
public record DeskReplyPosted(TicketId ticket, String number, String subject, UserId requester,
        String requesterEmail, String author, String excerpt, Instant at) {
}
