package io.usher.desk.internal;

import java.time.Instant;
import java.util.List;

import io.usher.desk.SlaEvent;
import io.usher.desk.SlaState;

/** A ticket with its queue's name and its SLA timers as of {@code at}. */
public record TicketDetails(Ticket ticket, String queueName, SlaState firstResponse, SlaState resolution,
        List<SlaEvent> slaEvents, Instant at) {
}
