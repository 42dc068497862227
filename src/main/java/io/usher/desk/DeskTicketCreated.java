package io.usher.desk;

import java.time.Instant;
import java.util.UUID;

import io.usher.identity.UserId;

/** A requester opened a ticket; it sits in {@code queue} with this priority. */
public record DeskTicketCreated(TicketId ticket, String number, UserId requester, UUID queue, Priority priority,
        Instant at) {
}
