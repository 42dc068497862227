package io.usher.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.AssignmentMode;
import io.usher.desk.NameTaken;

/** Queues in {@code desk_queues} with their members in {@code desk_queue_members}. */
@Repository
class QueueStore {

    private final JdbcClient jdbc;

    QueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Queue queue, Instant now) {
        try {
            jdbc.sql("""
                    insert into desk_queues (id, organization_id, name, calendar_id, assignment_mode, auto_close_hours,
                        reassign_on_breach, created_at, updated_at)
                    values (:id, :org, :name, :calendar, :mode, :hours, :reassign, :now, :now)
                    """).param("reassign", queue.reassignOnBreach()).param("id", queue.id()).param("org", queue.organizationId()).param("name", queue.name())
                    .param("calendar", queue.calendarId()).param("mode", queue.assignmentMode().name())
                    .param("hours", queue.autoCloseHours()).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken("queue", queue.name());
        }
        writeMembers(queue);
    }

    boolean update(Queue queue, Instant now) {
        int updated;
        try {
            updated = jdbc.sql("""
                    update desk_queues set name = :name, calendar_id = :calendar, assignment_mode = :mode,
                        auto_close_hours = :hours, reassign_on_breach = :reassign, updated_at = :now
                    where id = :id
                    """).param("reassign", queue.reassignOnBreach()).param("id", queue.id()).param("name", queue.name()).param("calendar", queue.calendarId())
                    .param("mode", queue.assignmentMode().name()).param("hours", queue.autoCloseHours())
                    .param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken("queue", queue.name());
        }
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from desk_queue_members where queue_id = :id").param("id", queue.id()).update();
        writeMembers(queue);
        return true;
    }

    Optional<Queue> find(UUID id) {
        return load(jdbc.sql("select * from desk_queues where id = :id").param("id", id).query(QueueStore::row).list())
                .stream().findFirst();
    }

    Optional<Queue> lock(UUID id) {
        return load(jdbc.sql("select * from desk_queues where id = :id for update").param("id", id)
                .query(QueueStore::row).list()).stream().findFirst();
    }

    List<Queue> all() {
        return load(jdbc.sql("select * from desk_queues order by lower(name), id").query(QueueStore::row).list());
    }

    private record Row(UUID id, UUID organizationId, String name, UUID calendarId, AssignmentMode mode, int hours,
            boolean reassignOnBreach) {
    }

    private record Member(UUID queue, UUID user, String role) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("name"),
                rs.getObject("calendar_id", UUID.class), AssignmentMode.valueOf(rs.getString("assignment_mode")),
                rs.getInt("auto_close_hours"), rs.getBoolean("reassign_on_breach"));
    }

    private List<Queue> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var members = new HashMap<UUID, Map<String, List<UUID>>>();
        jdbc.sql("select queue_id, user_id, role from desk_queue_members where queue_id = any(:ids) order by user_id")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, row) -> new Member(rs.getObject("queue_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("role")))
                .list()
                .forEach(m -> members.computeIfAbsent(m.queue(), q -> new HashMap<>())
                        .computeIfAbsent(m.role(), r -> new ArrayList<>()).add(m.user()));
        return rows.stream().map(r -> {
            var roles = members.getOrDefault(r.id(), Map.of());
            return new Queue(r.id(), r.organizationId(), r.name(), r.calendarId(), r.mode(), r.hours(),
                    List.copyOf(roles.getOrDefault("MANAGER", List.of())), List.copyOf(roles.getOrDefault("AGENT", List.of())),
                    r.reassignOnBreach());
        }).toList();
    }

    private void writeMembers(Queue queue) {
        queue.managers().forEach(user -> member(queue.id(), user, "MANAGER"));
        queue.agents().forEach(user -> member(queue.id(), user, "AGENT"));
    }

    private void member(UUID queue, UUID user, String role) {
        jdbc.sql("insert into desk_queue_members (queue_id, user_id, role) values (:queue, :user, :role)")
                .param("queue", queue).param("user", user).param("role", role).update();
    }
}
