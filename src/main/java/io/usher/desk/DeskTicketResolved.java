package io.usher.desk;

import java.time.Instant;

import io.usher.identity.UserId;

/** An agent resolved a ticket (the requester may rate it, or reopen it within the reopen window). */
public record DeskTicketResolved(TicketId ticket, String number, UserId requester, Instant at) {
}
