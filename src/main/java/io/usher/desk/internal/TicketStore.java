package io.usher.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.DeskTicketUpdated;
import io.usher.desk.Impact;
import io.usher.desk.Priority;
import io.usher.desk.TicketId;
import io.usher.desk.TicketStatus;
import io.usher.desk.Urgency;
import io.usher.identity.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tickets in {@code desk_tickets}, their numbers in {@code desk_ticket_counters}, changes in {@code desk_ticket_changes}. */
@Repository("deskTicketStore")
class TicketStore {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    TicketStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /**
     * The next number of the year. The counter row stays locked until the ticket's transaction ends, so concurrent
     * creations take turns and a rolled-back creation gives its number back: no gaps, no duplicates.
     */
    int nextNumber(int year) {
        return jdbc.sql("""
                insert into desk_ticket_counters (year, last_value) values (:year, 1)
                on conflict (year) do update set last_value = desk_ticket_counters.last_value + 1
                returning last_value
                """).param("year", year).query(Integer.class).single();
    }

    void insert(Ticket ticket) {
        jdbc.sql("""
                insert into desk_tickets (id, number, requester_id, subject, description, category_id, subcategory_id,
                    queue_id, impact, urgency, priority, status, custom_fields, created_at, updated_at)
                values (:id, :number, :requester, :subject, :description, :category, :subcategory, :queue, :impact,
                    :urgency, :priority, :status, cast(:fields as jsonb), :now, :now)
                """).param("id", ticket.id()).param("number", ticket.number()).param("requester", ticket.requesterId())
                .param("subject", ticket.subject()).param("description", ticket.description())
                .param("category", ticket.categoryId()).param("subcategory", ticket.subcategoryId())
                .param("queue", ticket.queueId()).param("impact", name(ticket.impact()))
                .param("urgency", name(ticket.urgency())).param("priority", ticket.priority().name())
                .param("status", ticket.status().name()).param("fields", json.writeValueAsString(ticket.customFields()))
                .param("now", Timestamp.from(ticket.createdAt())).update();
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("select * from desk_tickets where id = :id").param("id", id).query(this::ticket).optional();
    }

    Optional<Ticket> findByNumber(String number) {
        return jdbc.sql("select * from desk_tickets where number = :number").param("number", number)
                .query(this::ticket).optional();
    }

    Optional<Ticket> lock(UUID id) {
        return jdbc.sql("select * from desk_tickets where id = :id for update").param("id", id).query(this::ticket)
                .optional();
    }

    void changeStatus(UUID id, TicketStatus status, String resolution, Instant resolvedAt, Instant now) {
        jdbc.sql("""
                update desk_tickets set status = :status, resolution = :resolution, resolved_at = :resolved,
                    updated_at = :now
                where id = :id
                """).param("id", id).param("status", status.name()).param("resolution", resolution)
                .param("resolved", resolvedAt == null ? null : Timestamp.from(resolvedAt))
                .param("now", Timestamp.from(now)).update();
    }

    void changePriority(UUID id, Priority priority, Instant now) {
        jdbc.sql("update desk_tickets set priority = :priority, updated_at = :now where id = :id").param("id", id)
                .param("priority", priority.name()).param("now", Timestamp.from(now)).update();
    }

    /**
     * Notes that something happened to the ticket (a status change, a reply): auto-close counts the quiet time after
     * a resolution from the later of {@code resolved_at} and this.
     */
    void touch(UUID id, Instant at) {
        jdbc.sql("update desk_tickets set last_activity_at = :at where id = :id").param("id", id)
                .param("at", Timestamp.from(at)).update();
    }

    /** Moves the ticket to another queue (see {@link QueueMoves}). */
    void moveQueue(UUID id, UUID queue, Instant now) {
        jdbc.sql("update desk_tickets set queue_id = :queue, updated_at = :now where id = :id").param("id", id)
                .param("queue", queue).param("now", Timestamp.from(now)).update();
    }

    /** Keeps the current due times on the ticket, for views sorted by SLA. */
    void dueTimes(UUID id, Instant firstResponse, Instant resolution) {
        jdbc.sql("update desk_tickets set first_response_due = :first, resolution_due = :resolution where id = :id")
                .param("id", id).param("first", firstResponse == null ? null : Timestamp.from(firstResponse))
                .param("resolution", resolution == null ? null : Timestamp.from(resolution)).update();
    }

    void recordChange(UUID ticket, UUID actor, Instant at, String field, String oldValue, String newValue) {
        jdbc.sql("""
                insert into desk_ticket_changes (ticket_id, actor_id, at, field, old_value, new_value)
                values (:ticket, :actor, :at, :field, :old, :new)
                """).param("ticket", ticket).param("actor", actor).param("at", Timestamp.from(at)).param("field", field)
                .param("old", oldValue).param("new", newValue).update();
        // Announced here, where every recorded change passes, so pages following the ticket live also see the
        // changes of services written later.
        events.publishEvent(new DeskTicketUpdated(new TicketId(ticket), new UserId(actor),
                DeskTicketUpdated.Kind.CHANGE, false, at));
    }

    private Ticket ticket(ResultSet rs, int row) throws SQLException {
        var impact = rs.getString("impact");
        var urgency = rs.getString("urgency");
        var resolved = rs.getTimestamp("resolved_at");
        return new Ticket(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("requester_id", UUID.class),
                rs.getString("subject"), rs.getString("description"), rs.getObject("category_id", UUID.class),
                rs.getObject("subcategory_id", UUID.class), rs.getObject("queue_id", UUID.class),
                impact == null ? null : Impact.valueOf(impact), urgency == null ? null : Urgency.valueOf(urgency),
                Priority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")),
                rs.getString("resolution"), json.readValue(rs.getString("custom_fields"), FIELDS),
                rs.getObject("assignee_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), resolved == null ? null : resolved.toInstant());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
