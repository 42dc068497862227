package io.usher.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agent views' reads: the tickets of a {@link ViewQuery}, the caller's queues, filter choices. */
@Repository
class ViewStore {

    private final JdbcClient jdbc;

    ViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored; {@code due} null when no timer runs. */
    record Hit(UUID id, String number, String subject, String status, String priority, UUID queueId, UUID assigneeId,
            UUID requesterId, Instant firstResponseDue, Instant resolutionDue, Instant due) {
    }

    /** A queue (or category) by id and name. */
    record Named(UUID id, String name) {
    }

    /** The queues the user is an agent or manager of; every queue for {@code all}. */
    List<Named> visibleQueues(UUID user, boolean all) {
        return jdbc.sql("""
                select q.id, q.name from desk_queues q
                where :all or exists (select 1 from desk_queue_members m where m.queue_id = q.id and m.user_id = :user)
                order by lower(q.name), q.id
                """).param("all", all).param("user", user)
                .query(ViewStore::named).list();
    }

    /** The agents and managers of these queues. */
    List<UUID> members(List<UUID> queues) {
        if (queues.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct user_id from desk_queue_members where queue_id = any(:queues)")
                .param("queues", queues.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** Every category and subcategory, labelled "Parent › Child", by label. */
    List<Named> categories() {
        return jdbc.sql("""
                select c.id, coalesce(p.name || ' › ', '') || c.name as name
                from desk_categories c left join desk_categories p on p.id = c.parent_id
                order by lower(coalesce(p.name || ' › ', '') || c.name), c.id
                """).query(ViewStore::named).list();
    }

    /** Up to {@code query.limit()} rows, in (due, number) order. */
    List<Hit> find(ViewQuery query) {
        return jdbc.sql(query.sql()).params(query.parameters()).query(ViewStore::hit).list();
    }

    private static Named named(ResultSet rs, int row) throws SQLException {
        return new Named(rs.getObject("id", UUID.class), rs.getString("name"));
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("subject"),
                rs.getString("status"), rs.getString("priority"), rs.getObject("queue_id", UUID.class),
                rs.getObject("assignee_id", UUID.class), rs.getObject("requester_id", UUID.class),
                instant(rs.getTimestamp("first_response_due")), instant(rs.getTimestamp("resolution_due")),
                instant(rs.getTimestamp("due")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
