package io.usher.desk;

import java.time.Instant;

import io.usher.identity.UserId;

/**
 * Someone mentioned an agent or manager of the ticket's queue ({@code @their.email@example.com}) in a comment. Only
 * people of the queue are notified, so the excerpt of an internal note reaches only those who may read it.
 */
public record DeskMentioned(TicketId ticket, String number, String subject, UserId mentioned, String mentionedEmail,
        String by, CommentVisibility visibility, String excerpt, Instant at) {
}
