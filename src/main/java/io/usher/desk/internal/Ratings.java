package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.DeskNotFound;
import io.usher.desk.DeskTicketRated;
import io.usher.desk.TicketActionRefused;
import io.usher.desk.TicketConflict;
import io.usher.desk.TicketId;
import io.usher.desk.TicketStatus;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserId;

/**
 * Satisfaction: the requester rates a resolved (or since closed) ticket 1–5 with an optional comment, once per
 * resolution (a reopened and again resolved ticket can be rated again). Ratings are in
 * {@code desk_ticket_ratings}; a poor one alerts the queue's managers through {@link DeskTicketRated}.
 */
@Service
public class Ratings {

    static final String INVALID = "desk.invalid_rating";
    private static final int MAX_COMMENT = 2_000;

    private final JdbcClient jdbc;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ratings(JdbcClient jdbc, TicketStore tickets, QueueStore queues, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.queues = queues;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RatingDetails rate(CurrentUser caller, UUID id, Integer score, String comment) {
        var ticket = tickets.lock(id).orElseThrow(() -> new DeskNotFound("ticket"));
        var queue = queues.find(ticket.queueId()).orElseThrow(() -> new DeskNotFound("queue"));
        if (!Tickets.canSee(caller, ticket, queue)) {
            throw new DeskNotFound("ticket");
        }
        if (!ticket.requesterId().equals(caller.id().value())) {
            throw new TicketActionRefused("desk.only_requester_rates", "Only the ticket's requester rates it.");
        }
        var problems = new FieldProblems(INVALID);
        if (score == null || score < 1 || score > 5) {
            problems.add("score", "must be 1 to 5");
        }
        var text = problems.text("comment", comment, 0, MAX_COMMENT);
        problems.throwIfAny();
        if ((ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED)
                || ticket.resolvedAt() == null) {
            throw new TicketConflict("desk.not_resolved", "A ticket is rated once it is resolved.");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.sql("""
                insert into desk_ticket_ratings (ticket_id, resolved_at, rater_id, score, comment, rated_at)
                values (:ticket, :resolved, :rater, :score, :comment, :now)
                on conflict (ticket_id, resolved_at) do nothing
                """).param("ticket", id).param("resolved", Timestamp.from(ticket.resolvedAt()))
                .param("rater", caller.id().value()).param("score", score).param("comment", text)
                .param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            throw new TicketConflict("desk.already_rated", "This resolution of the ticket is rated already.");
        }
        tickets.recordChange(id, caller.id().value(), now, "rating", null, Integer.toString(score));
        events.publishEvent(new DeskTicketRated(new TicketId(id), ticket.number(), queue.id(), score, text,
                queue.managers().stream().map(UserId::new).toList(), now));
        return new RatingDetails(id, score, text, ticket.resolvedAt(), now);
    }
}
