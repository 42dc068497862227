package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.desk.TicketStatus;

/**
 * Closes RESOLVED tickets nothing has happened to for their queue's auto-close hours (72 by default), counted from
 * the later of the resolution and {@code last_activity_at} (which status changes, and later replies, move). Runs
 * every 5 minutes by default ({@code usher.desk.auto-close-interval}); safe on several instances: each locks the
 * tickets it closes and skips those another holds.
 */
@Component
public class AutoClose {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TicketStore tickets;
    private final QueueStore queues;
    private final TicketSla sla;
    private final TransactionTemplate tx;
    private final Clock clock;

    AutoClose(JdbcClient jdbc, TicketStore tickets, QueueStore queues, TicketSla sla, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.queues = queues;
        this.sla = sla;
        this.tx = tx;
        this.clock = clock;
    }

    /** Closes one batch of due tickets; answers how many. */
    public int closeDue() {
        var closed = tx.execute(status -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var due = jdbc.sql("""
                    select t.id from desk_tickets t join desk_queues q on q.id = t.queue_id
                    where t.status = 'RESOLVED'
                      and greatest(t.resolved_at, coalesce(t.last_activity_at, t.resolved_at))
                          <= cast(:now as timestamptz) - make_interval(hours => q.auto_close_hours)
                    order by t.resolved_at
                    limit :limit
                    for update of t skip locked
                    """).param("now", Timestamp.from(now)).param("limit", BATCH).query(UUID.class).list();
            for (var id : due) {
                var ticket = tickets.find(id).orElseThrow();
                var queue = queues.find(ticket.queueId()).orElseThrow();
                tickets.changeStatus(id, TicketStatus.CLOSED, ticket.resolution(), ticket.resolvedAt(), now);
                tickets.touch(id, now);
                tickets.recordChange(id, Actors.SYSTEM, now, "status", ticket.status().name(),
                        TicketStatus.CLOSED.name());
                var timers = sla.statusChanged(id, queue.calendarId(), TicketStatus.CLOSED, now);
                tickets.dueTimes(id, timers.firstResponse().due(), timers.resolution().due());
            }
            return due.size();
        });
        return closed == null ? 0 : closed;
    }

    @Scheduled(fixedDelayString = "${usher.desk.auto-close-interval:5m}",
            initialDelayString = "${usher.desk.auto-close-interval:5m}")
    void run() {
        while (closeDue() == BATCH) {
            // more are due: keep going until a batch comes back short
        }
    }
}
