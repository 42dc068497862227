package io.usher.admission.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.admission.TicketId;
import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;
import io.usher.order.OrderId;

// named: the desk module has a TicketStore of its own, and bean names are simple class names
@Repository("admissionTicketStore")
class TicketStore {

    private static final String COLUMNS = """
            id, code, event_id, order_id, position, buyer_id, buyer_name, buyer_email, ticket_type_id,
            ticket_type_name, seat_id, seat_label, holder_name, version, status, void_reason, checked_in_at,
            checked_in_gate, checked_in_by, issued_at""";

    private final JdbcClient jdbc;

    TicketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the ticket unless its order already issued one at its position; true when inserted. */
    boolean insert(Ticket t, Instant now) {
        return jdbc.sql("""
                insert into admission_tickets (id, code, event_id, order_id, position, buyer_id, buyer_name,
                    buyer_email, ticket_type_id, ticket_type_name, seat_id, seat_label, holder_name, version, status,
                    issued_at, updated_at)
                values (:id, :code, :event, :order, :position, :buyer, :buyerName, :buyerEmail, :type, :typeName,
                    :seat, :seatLabel, :holder, 1, 'VALID', :now, :now)
                on conflict (order_id, position) do nothing
                """)
                .param("id", t.id().value()).param("code", t.code()).param("event", t.event().value())
                .param("order", t.order().value()).param("position", t.position()).param("buyer", t.buyer().value())
                .param("buyerName", t.buyerName()).param("buyerEmail", t.buyerEmail())
                .param("type", t.ticketType().value()).param("typeName", t.ticketTypeName())
                .param("seat", t.seat() == null ? null : t.seat().value()).param("seatLabel", t.seatLabel())
                .param("holder", t.holderName()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from admission_tickets where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    Optional<Ticket> find(TicketId id) {
        return jdbc.sql("select " + COLUMNS + " from admission_tickets where id = :id").param("id", id.value())
                .query(TicketStore::ticket).optional();
    }

    Optional<Ticket> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from admission_tickets where code = :code").param("code", code)
                .query(TicketStore::ticket).optional();
    }

    List<Ticket> ofOrder(OrderId order) {
        return jdbc.sql("select " + COLUMNS + " from admission_tickets where order_id = :order order by position")
                .param("order", order.value()).query(TicketStore::ticket).list();
    }

    List<Ticket> ofBuyer(UserId buyer) {
        return jdbc.sql("select " + COLUMNS + """
                 from admission_tickets where buyer_id = :buyer order by issued_at desc, order_id, position
                """)
                .param("buyer", buyer.value()).query(TicketStore::ticket).list();
    }

    /** Voids the order's valid tickets; how many were voided. */
    int voidOrder(OrderId order, String reason, Instant now) {
        return jdbc.sql("""
                update admission_tickets set status = 'VOIDED', void_reason = :reason, updated_at = :now
                where order_id = :order and status = 'VALID'
                """)
                .param("order", order.value()).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    /**
     * Admits the ticket if it is valid, of this event, of this version (any when {@code null}) and not yet checked
     * in, and logs the admitted scan in the same statement. The row's update is the single point where a ticket is
     * admitted, so of two gates scanning it at once exactly one gets the admitted ticket back.
     */
    Optional<Ticket> admit(TicketId ticket, EventId event, Integer version, Scan scan) {
        return jdbc.sql("""
                with admitted as (
                    update admission_tickets
                       set checked_in_at = :scannedAt, checked_in_gate = :gate, checked_in_by = :staff,
                           updated_at = :now
                     where id = :ticket and event_id = :event and status = 'VALID' and checked_in_at is null
                       and (cast(:version as int) is null or version = cast(:version as int))
                    returning *
                ), logged as (
                    insert into admission_scans (event_id, ticket_id, gate, device, staff_id, source, result,
                                                 scanned_at, recorded_at)
                    select :event, id, :gate, :device, :staff, :source, 'ADMITTED', :scannedAt, :now from admitted
                )
                select""" + " " + COLUMNS + " from admitted")
                .param("ticket", ticket.value()).param("event", event.value()).param("version", version)
                .param("gate", scan.gate()).param("device", scan.device()).param("staff", scan.staff())
                .param("source", scan.source()).param("scannedAt", Timestamp.from(scan.scannedAt()))
                .param("now", Timestamp.from(scan.recordedAt()))
                .query(TicketStore::ticket).optional();
    }

    /** A scan at the door, for the log. */
    record Scan(String gate, String device, UUID staff, String source, Instant scannedAt, Instant recordedAt) {
    }

    void logRefused(EventId event, TicketId ticket, Scan scan, String result) {
        jdbc.sql("""
                insert into admission_scans (event_id, ticket_id, gate, device, staff_id, source, result, scanned_at,
                                             recorded_at)
                values (:event, :ticket, :gate, :device, :staff, :source, :result, :scannedAt, :now)
                """)
                .param("event", event.value()).param("ticket", ticket == null ? null : ticket.value())
                .param("gate", scan.gate()).param("device", scan.device()).param("staff", scan.staff())
                .param("source", scan.source()).param("result", result)
                .param("scannedAt", Timestamp.from(scan.scannedAt())).param("now", Timestamp.from(scan.recordedAt()))
                .update();
    }

    /** Ticket ids of the event that are void, for door devices. */
    List<UUID> voided(EventId event) {
        return jdbc.sql("select id from admission_tickets where event_id = :event and status = 'VOIDED' order by id")
                .param("event", event.value()).query(UUID.class).list();
    }

    /** The event's valid tickets, for door devices that work offline. */
    List<Ticket> valid(EventId event) {
        return jdbc.sql("select " + COLUMNS + " from admission_tickets where event_id = :event and status = 'VALID'"
                + " order by code")
                .param("event", event.value()).query(TicketStore::ticket).list();
    }

    CheckIns.Progress progress(EventId event) {
        return jdbc.sql("""
                select count(*) filter (where checked_in_at is not null), count(*)
                from admission_tickets where event_id = :event and status = 'VALID'
                """)
                .param("event", event.value())
                .query((rs, row) -> new CheckIns.Progress(rs.getLong(1), rs.getLong(2))).single();
    }

    /** One ticket type's valid tickets and how many of them are checked in. */
    record TypeProgress(TicketTypeId ticketType, String name, long checkedIn, long valid) {
    }

    List<TypeProgress> progressByType(EventId event) {
        return jdbc.sql("""
                select ticket_type_id, min(ticket_type_name), count(*) filter (where checked_in_at is not null),
                       count(*)
                from admission_tickets where event_id = :event and status = 'VALID'
                group by ticket_type_id
                """)
                .param("event", event.value())
                .query((rs, row) -> new TypeProgress(new TicketTypeId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The event's latest scans, newest first. */
    List<AdmissionStats.Scan> recentScans(EventId event, int limit) {
        return jdbc.sql("""
                select s.scanned_at, s.gate, s.source, s.result, t.code, t.holder_name, t.ticket_type_name
                from admission_scans s left join admission_tickets t on t.id = s.ticket_id
                where s.event_id = :event order by s.id desc limit :limit
                """)
                .param("event", event.value()).param("limit", limit)
                .query((rs, row) -> new AdmissionStats.Scan(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** How many of the event's scans were refused. */
    long refusedScans(EventId event) {
        return jdbc.sql("select count(*) from admission_scans where event_id = :event and result <> 'ADMITTED'")
                .param("event", event.value()).query(Long.class).single();
    }

    /** Changes the holder and raises the version, if the ticket is still at {@code version} and valid. */
    boolean changeHolder(TicketId id, int version, String from, String to, UUID actor, Instant now) {
        var changed = jdbc.sql("""
                update admission_tickets set holder_name = :to, version = version + 1, updated_at = :now
                where id = :id and version = :version and status = 'VALID' and checked_in_at is null
                """)
                .param("id", id.value()).param("version", version).param("to", to).param("now", Timestamp.from(now))
                .update() == 1;
        if (changed) {
            jdbc.sql("""
                    insert into admission_holder_changes (ticket_id, from_name, to_name, new_version, actor_id, at)
                    values (:id, :from, :to, :version, :actor, :now)
                    """)
                    .param("id", id.value()).param("from", from).param("to", to).param("version", version + 1)
                    .param("actor", actor).param("now", Timestamp.from(now)).update();
        }
        return changed;
    }

    static Ticket ticket(ResultSet rs, int row) throws SQLException {
        var seat = rs.getObject("seat_id", UUID.class);
        var checkedInAt = rs.getTimestamp("checked_in_at");
        return new Ticket(new TicketId(rs.getObject("id", UUID.class)), rs.getString("code"),
                new EventId(rs.getObject("event_id", UUID.class)), new OrderId(rs.getObject("order_id", UUID.class)),
                rs.getInt("position"), new UserId(rs.getObject("buyer_id", UUID.class)), rs.getString("buyer_name"),
                rs.getString("buyer_email"), new TicketTypeId(rs.getObject("ticket_type_id", UUID.class)),
                rs.getString("ticket_type_name"), seat == null ? null : new SeatId(seat), rs.getString("seat_label"),
                rs.getString("holder_name"), rs.getInt("version"), Ticket.Status.valueOf(rs.getString("status")),
                rs.getString("void_reason"), checkedInAt == null ? null : checkedInAt.toInstant(),
                rs.getString("checked_in_gate"), rs.getObject("checked_in_by", UUID.class),
                rs.getTimestamp("issued_at").toInstant());
    }
}
