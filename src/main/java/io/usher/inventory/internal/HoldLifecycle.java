package io.usher.inventory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.HoldNotActive;
import io.usher.inventory.HoldNotFound;
import io.usher.inventory.HoldRequest;

/**
 * What happens to a hold after it is placed: it is read, released by its buyer, confirmed by an order, or it
 * expires. Each ending is a guarded status change ({@code where status = 'ACTIVE'}), so stock comes back
 * exactly once however many instances sweep or release at the same time.
 */
@Component
class HoldLifecycle {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    HoldLifecycle(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** An ended hold: whose, and of which event. */
    record Ended(UUID holdId, UUID event) {
    }

    Optional<Hold> find(UUID holdId) {
        return jdbc.sql("select * from inventory_holds where id = :id").param("id", holdId)
                .query((rs, row) -> new Hold(new HoldId(rs.getObject("id", UUID.class)),
                        new EventId(rs.getObject("event_id", UUID.class)), new UserId(rs.getObject("buyer_id", UUID.class)),
                        Hold.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), List.of(), List.of()))
                .optional()
                .map(hold -> new Hold(hold.id(), hold.event(), hold.buyer(), hold.status(), hold.createdAt(),
                        hold.expiresAt(), items(holdId), seats(holdId)));
    }

    private List<HoldRequest.Item> items(UUID holdId) {
        return jdbc.sql("select ticket_type_id, quantity from inventory_hold_items where hold_id = :id order by ticket_type_id")
                .param("id", holdId)
                .query((rs, row) -> new HoldRequest.Item(new TicketTypeId(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list();
    }

    private List<Hold.HeldSeat> seats(UUID holdId) {
        return jdbc.sql("""
                select h.seat_id, h.ticket_type_id, s.section, s.row_label, s.number
                from inventory_hold_seats h
                join inventory_seats s on s.ticket_type_id = h.ticket_type_id and s.seat_id = h.seat_id
                where h.hold_id = :id order by s.section, s.row_order, s.number
                """)
                .param("id", holdId)
                .query((rs, row) -> new Hold.HeldSeat(new SeatId(rs.getObject(1, UUID.class)),
                        new TicketTypeId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** Ends a buyer's active hold early; its tickets go back to stock. */
    Ended release(UUID holdId, UUID buyer) {
        return tx.execute(status -> {
            var hold = find(holdId).filter(h -> h.buyer().value().equals(buyer)).orElseThrow(HoldNotFound::new);
            var ended = end(List.of(holdId), "RELEASED");
            if (ended.isEmpty()) {
                throw new HoldNotActive(hold.status().name());
            }
            return ended.getFirst();
        });
    }

    /** Turns an active, unexpired hold into sold inventory. */
    Hold confirm(UUID holdId) {
        return tx.execute(status -> {
            var now = Timestamp.from(clock.instant());
            var confirmed = jdbc.sql("""
                    update inventory_holds set status = 'CONFIRMED', ended_at = :now
                    where id = :id and status = 'ACTIVE' and expires_at > :now
                    returning event_id
                    """)
                    .param("id", holdId).param("now", now).query(UUID.class).optional();
            if (confirmed.isEmpty()) {
                var hold = find(holdId).orElseThrow(HoldNotFound::new);
                throw new HoldNotActive(hold.status() == Hold.Status.ACTIVE ? "EXPIRED" : hold.status().name());
            }
            jdbc.sql("""
                    update inventory_stock s set held = s.held - i.quantity, sold = s.sold + i.quantity
                    from inventory_hold_items i, inventory_events e
                    where i.hold_id = :id and s.ticket_type_id = i.ticket_type_id and e.event_id = s.event_id
                      and not s.seated and e.strategy <> 'skip-locked'
                    """).param("id", holdId).update();
            jdbc.sql("update inventory_units set sold = true where hold_id = :id").param("id", holdId).update();
            jdbc.sql("update inventory_seats set sold = true where hold_id = :id").param("id", holdId).update();
            return find(holdId).orElseThrow();
        });
    }

    /**
     * Gives a confirmed hold's sold tickets back to stock, once: the guarded change {@code CONFIRMED → RETURNED}
     * lets exactly one caller through; others find it returned. Empty when it was returned before.
     */
    Optional<UUID> returnSold(UUID holdId) {
        return tx.execute(status -> {
            var returned = jdbc.sql("""
                    update inventory_holds set status = 'RETURNED', ended_at = :now
                    where id = :id and status = 'CONFIRMED'
                    returning event_id
                    """)
                    .param("id", holdId).param("now", Timestamp.from(clock.instant())).query(UUID.class).optional();
            if (returned.isEmpty()) {
                var hold = find(holdId).orElseThrow(HoldNotFound::new);
                if (hold.status() != Hold.Status.RETURNED) {
                    throw new HoldNotActive(hold.status().name());
                }
                return Optional.<UUID>empty();
            }
            jdbc.sql("""
                    update inventory_stock s set sold = s.sold - i.quantity
                    from inventory_hold_items i, inventory_events e
                    where i.hold_id = :id and s.ticket_type_id = i.ticket_type_id and e.event_id = s.event_id
                      and not s.seated and e.strategy <> 'skip-locked'
                    """).param("id", holdId).update();
            jdbc.sql("update inventory_units set hold_id = null, sold = false where hold_id = :id")
                    .param("id", holdId).update();
            jdbc.sql("update inventory_seats set hold_id = null, sold = false where hold_id = :id")
                    .param("id", holdId).update();
            jdbc.sql("""
                    update inventory_buyer_totals t set quantity = t.quantity - h.quantity
                    from inventory_holds h where h.id = :id and t.event_id = h.event_id and t.buyer_id = h.buyer_id
                    """).param("id", holdId).update();
            return returned;
        });
    }

    /** Expires up to {@code limit} holds that are past due; returns them. Safe to run on several instances. */
    List<Ended> expireDue(int limit) {
        return tx.execute(status -> {
            var due = jdbc.sql("""
                    select id from inventory_holds where status = 'ACTIVE' and expires_at <= :now
                    order by expires_at limit :limit for update skip locked
                    """)
                    .param("now", Timestamp.from(clock.instant())).param("limit", limit).query(UUID.class).list();
            return end(due, "EXPIRED");
        });
    }

    /** Forgets idempotency answers older than {@code age}; a client retrying after that gets a fresh hold. */
    int forgetAnswersOlderThan(java.time.Duration age) {
        return jdbc.sql("""
                delete from inventory_hold_requests where ctid in (
                    select ctid from inventory_hold_requests where created_at < :before limit 5000)
                """)
                .param("before", Timestamp.from(clock.instant().minus(age))).update();
    }

    /** Ends active holds and returns their stock, in the caller's transaction. */
    private List<Ended> end(List<UUID> holdIds, String status) {
        if (holdIds.isEmpty()) {
            return List.of();
        }
        var ids = holdIds.stream().map(UUID::toString).toArray(String[]::new);
        var ended = new ArrayList<Ended>();
        jdbc.sql("""
                update inventory_holds set status = :status, ended_at = :now
                where id = any(cast(:ids as uuid[])) and status = 'ACTIVE'
                returning id, event_id
                """)
                .param("status", status).param("now", Timestamp.from(clock.instant())).param("ids", ids)
                .query((rs, row) -> ended.add(new Ended(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))))
                .list();
        if (ended.isEmpty()) {
            return ended;
        }
        var endedIds = ended.stream().map(e -> e.holdId().toString()).toArray(String[]::new);
        jdbc.sql("""
                update inventory_stock s set held = s.held - x.quantity
                from (select i.ticket_type_id, sum(i.quantity) as quantity from inventory_hold_items i
                      where i.hold_id = any(cast(:ids as uuid[])) group by i.ticket_type_id) x,
                     inventory_events e
                where s.ticket_type_id = x.ticket_type_id and e.event_id = s.event_id
                  and not s.seated and e.strategy <> 'skip-locked'
                """).param("ids", endedIds).update();
        jdbc.sql("update inventory_units set hold_id = null where hold_id = any(cast(:ids as uuid[])) and not sold")
                .param("ids", endedIds).update();
        jdbc.sql("update inventory_seats set hold_id = null where hold_id = any(cast(:ids as uuid[])) and not sold")
                .param("ids", endedIds).update();
        jdbc.sql("""
                update inventory_buyer_totals t set quantity = t.quantity - x.quantity
                from (select event_id, buyer_id, sum(quantity) as quantity from inventory_holds
                      where id = any(cast(:ids as uuid[])) group by event_id, buyer_id) x
                where t.event_id = x.event_id and t.buyer_id = x.buyer_id
                """).param("ids", endedIds).update();
        return ended;
    }
}
