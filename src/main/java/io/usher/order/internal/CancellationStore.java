package io.usher.order.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.common.EventId;
import io.usher.order.OrderId;

/** Postponements, order cancellations and event cancellation jobs in order's own tables. */
@Repository
class CancellationStore {

    /** Who started a cancellation. */
    enum Origin { BUYER, EVENT }

    /** A claimed cancellation: this instance may refund the order until the claim's lease runs out. */
    record Claim(OrderId order, Origin origin, UUID actor, String reason, int attempt, Long amount) {
    }

    /** An event's cancellation job as the organizer sees it. */
    record Job(EventId event, String status, int total, int cancelled, int failing, int released, long refunded,
            Instant startedAt, Instant updatedAt, Instant completedAt) {
    }

    private static final String CLAIM_COLUMNS = "order_id, origin, actor_id, reason, attempt, amount_minor";

    private final JdbcClient jdbc;

    CancellationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void postponed(EventId event, Instant startsAt, Instant at) {
        jdbc.sql("""
                insert into order_postponements (event_id, starts_at, postponed_at) values (:event, :startsAt, :at)
                on conflict do nothing
                """)
                .param("event", event.value()).param("startsAt", Timestamp.from(startsAt)).param("at", Timestamp.from(at))
                .update();
    }

    /** Whether the order's event was postponed after the order was paid. */
    boolean postponedSincePaid(OrderId order, EventId event) {
        return jdbc.sql("""
                select exists (select 1 from order_postponements p
                               where p.event_id = :event
                                 and p.postponed_at > (select max(t.at) from order_transitions t
                                                       where t.order_id = :order and t.to_status = 'PAID'))
                """)
                .param("event", event.value()).param("order", order.value()).query(Boolean.class).single();
    }

    /**
     * Claims one order's cancellation for a buyer: a new claim, or one left open by an earlier failed attempt or
     * a crashed instance. Empty when someone else holds it or it is done.
     */
    Optional<Claim> claim(OrderId order, EventId event, Origin origin, UUID actor, String reason, Instant now,
            Instant until) {
        return jdbc.sql("""
                insert into order_cancellations (order_id, event_id, origin, actor_id, reason, state, claimed_until,
                    created_at)
                values (:order, :event, :origin, :actor, :reason, 'CLAIMED', :until, :now)
                on conflict (order_id) do update set state = 'CLAIMED', claimed_until = :until
                where order_cancellations.state = 'OPEN'
                   or (order_cancellations.state = 'CLAIMED' and order_cancellations.claimed_until < :now)
                returning\s""" + CLAIM_COLUMNS)
                .param("order", order.value()).param("event", event.value()).param("origin", origin.name())
                .param("actor", actor).param("reason", reason).param("until", Timestamp.from(until))
                .param("now", Timestamp.from(now)).query(CancellationStore::claim).optional();
    }

    /**
     * Claims the next cancellation of an event that is due: open and not waiting for a retry, or claimed by an
     * instance whose lease ran out (it crashed). Rows other instances are claiming are skipped.
     */
    Optional<Claim> claimNext(EventId event, Instant now, Instant until) {
        return jdbc.sql("""
                update order_cancellations c set state = 'CLAIMED', claimed_until = :until
                where c.order_id = (
                    select order_id from order_cancellations
                    where event_id = :event
                      and ((state = 'OPEN' and (next_attempt_at is null or next_attempt_at <= :now))
                           or (state = 'CLAIMED' and claimed_until < :now))
                    order by created_at, order_id limit 1 for update skip locked)
                returning\s""" + CLAIM_COLUMNS)
                .param("event", event.value()).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query(CancellationStore::claim).optional();
    }

    /** Fixes the refund's amount at the first claim; later claims keep it, so a retry asks for the same refund. */
    long fixAmount(OrderId order, long left) {
        return jdbc.sql("""
                update order_cancellations set amount_minor = coalesce(amount_minor, :left) where order_id = :order
                returning amount_minor
                """)
                .param("order", order.value()).param("left", left).query(Long.class).single();
    }

    /** Gives the claim up after a failed refund; {@code nextAttempt} (a new idempotency key) after a refusal. */
    void failed(OrderId order, boolean nextAttempt, String error, Instant retryAt) {
        jdbc.sql("""
                update order_cancellations set state = 'OPEN', claimed_until = null, last_error = :error,
                    attempt = attempt + case when :next then 1 else 0 end, next_attempt_at = :retryAt
                where order_id = :order
                """)
                .param("order", order.value()).param("next", nextAttempt)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt)).update();
    }

    void done(OrderId order, Instant now) {
        jdbc.sql("""
                update order_cancellations set state = 'DONE', claimed_until = null, last_error = null,
                    next_attempt_at = null, completed_at = :now
                where order_id = :order
                """)
                .param("order", order.value()).param("now", Timestamp.from(now)).update();
    }

    /**
     * Claims an order's unfinished cancellation, whatever its origin: open, or claimed by an instance whose lease ran
     * out. Empty when there is none, or someone holds it.
     */
    Optional<Claim> reclaim(OrderId order, Instant now, Instant until) {
        return jdbc.sql("""
                update order_cancellations set state = 'CLAIMED', claimed_until = :until
                where order_id = :order
                  and (state = 'OPEN' or (state = 'CLAIMED' and claimed_until < :now))
                returning\s""" + CLAIM_COLUMNS)
                .param("order", order.value()).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query(CancellationStore::claim).optional();
    }

    /** Whether an instance is refunding this order for a cancellation right now. */
    boolean claimed(OrderId order) {
        return jdbc.sql("select exists (select 1 from order_cancellations where order_id = :order and state = 'CLAIMED')")
                .param("order", order.value()).query(Boolean.class).single();
    }

    boolean exists(OrderId order) {
        return jdbc.sql("select exists (select 1 from order_cancellations where order_id = :order and state <> 'DONE')")
                .param("order", order.value()).query(Boolean.class).single();
    }

    /** Starts an event's job once; false when it was started before. */
    boolean startJob(EventId event, Instant now) {
        return jdbc.sql("""
                insert into order_event_cancellations (event_id, status, started_at, updated_at)
                values (:event, 'RUNNING', :now, :now) on conflict do nothing
                """)
                .param("event", event.value()).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Opens a cancellation for every paid order of the event that has none yet; returns how many. */
    int openForPaidOrders(EventId event, String reason, Instant now) {
        return jdbc.sql("""
                insert into order_cancellations (order_id, event_id, origin, reason, state, created_at)
                select id, event_id, 'EVENT', :reason, 'OPEN', :now from order_orders
                where event_id = :event and status in ('PAID', 'PARTIALLY_REFUNDED')
                on conflict (order_id) do nothing
                """)
                .param("event", event.value()).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    void released(EventId event, int orders) {
        jdbc.sql("update order_event_cancellations set orders_released = orders_released + :n where event_id = :event")
                .param("event", event.value()).param("n", orders).update();
    }

    /** Recounts the job from its cancellations; completes it when none is left open. True when it completed now. */
    boolean recount(EventId event, Instant now) {
        jdbc.sql("""
                update order_event_cancellations j set
                    orders_total = x.total, orders_cancelled = x.cancelled, orders_failing = x.failing,
                    refunded_minor = x.refunded, updated_at = :now
                from (select count(*) as total,
                             count(*) filter (where c.state = 'DONE') as cancelled,
                             count(*) filter (where c.state <> 'DONE' and c.last_error is not null) as failing,
                             coalesce(sum(c.amount_minor) filter (where c.state = 'DONE'), 0) as refunded
                      from order_cancellations c, order_event_cancellations job
                      where c.event_id = :event and job.event_id = :event
                        and (c.state <> 'DONE' or c.completed_at >= job.started_at)) x
                where j.event_id = :event
                """)
                .param("event", event.value()).param("now", Timestamp.from(now)).update();
        return jdbc.sql("""
                update order_event_cancellations set status = 'COMPLETED', completed_at = :now
                where event_id = :event and status = 'RUNNING'
                  and not exists (select 1 from order_cancellations where event_id = :event and state <> 'DONE')
                """)
                .param("event", event.value()).param("now", Timestamp.from(now)).update() == 1;
    }

    List<EventId> runningJobs() {
        return jdbc.sql("select event_id from order_event_cancellations where status = 'RUNNING' order by started_at")
                .query((rs, row) -> new EventId(rs.getObject(1, UUID.class))).list();
    }

    Optional<Job> job(EventId event) {
        return jdbc.sql("""
                select event_id, status, orders_total, orders_cancelled, orders_failing, orders_released,
                    refunded_minor, started_at, updated_at, completed_at
                from order_event_cancellations where event_id = :event
                """)
                .param("event", event.value())
                .query((rs, row) -> new Job(new EventId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .optional();
    }

    private static Claim claim(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Claim(new OrderId(rs.getObject("order_id", UUID.class)), Origin.valueOf(rs.getString("origin")),
                rs.getObject("actor_id", UUID.class), rs.getString("reason"), rs.getInt("attempt"),
                rs.getObject("amount_minor", Long.class));
    }
}
