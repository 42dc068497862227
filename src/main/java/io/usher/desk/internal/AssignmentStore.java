package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who works which ticket: assignees on {@code desk_tickets}, agents' availability in {@code desk_agent_availability},
 * round-robin pointers in {@code desk_assignment_pointers}.
 */
@Repository
class AssignmentStore {

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the queue's round-robin pointer until the transaction ends (creating it on first use) and answers the
     * agent who got the last ticket, if any. Concurrent creations in one queue take turns here.
     */
    UUID lockPointer(UUID queue) {
        return jdbc.sql("""
                insert into desk_assignment_pointers (queue_id) values (:queue)
                on conflict (queue_id) do update set queue_id = excluded.queue_id
                returning last_agent_id
                """).param("queue", queue).query((rs, row) -> rs.getObject(1, UUID.class)).list().getFirst();
    }

    void movePointer(UUID queue, UUID agent) {
        jdbc.sql("update desk_assignment_pointers set last_agent_id = :agent where queue_id = :queue")
                .param("queue", queue).param("agent", agent).update();
    }

    /** Of these people, those who have not set themselves away, in id order. */
    List<UUID> available(List<UUID> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id from unnest(cast(:people as uuid[])) as p(id)
                where not exists (select 1 from desk_agent_availability a where a.user_id = p.id and a.away)
                order by p.id
                """).param("people", people.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** Open (not resolved or closed) tickets assigned to each of these people, in any queue. */
    Map<UUID, Integer> openLoad(List<UUID> people) {
        var load = new HashMap<UUID, Integer>();
        people.forEach(p -> load.put(p, 0));
        if (people.isEmpty()) {
            return load;
        }
        jdbc.sql("""
                select assignee_id, count(*) from desk_tickets
                where assignee_id = any(:people) and status not in ('RESOLVED', 'CLOSED')
                group by assignee_id
                """).param("people", people.toArray(UUID[]::new))
                .query((rs, row) -> load.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return load;
    }

    void assign(UUID ticket, UUID assignee, Instant now) {
        jdbc.sql("""
                update desk_tickets set assignee_id = :assignee, assignee_accepted_at = null, updated_at = :now,
                    last_activity_at = :now
                where id = :id
                """).param("id", ticket).param("assignee", assignee).param("now", Timestamp.from(now)).update();
    }

    void accept(UUID ticket, Instant now) {
        jdbc.sql("update desk_tickets set assignee_accepted_at = :now, updated_at = :now where id = :id")
                .param("id", ticket).param("now", Timestamp.from(now)).update();
    }

    Instant acceptedAt(UUID ticket) {
        return jdbc.sql("select assignee_accepted_at from desk_tickets where id = :id").param("id", ticket)
                .query((rs, row) -> {
                    var at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                }).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    boolean isAway(UUID user) {
        return jdbc.sql("select away from desk_agent_availability where user_id = :user").param("user", user)
                .query(Boolean.class).optional().orElse(false);
    }

    void setAway(UUID user, boolean away, Instant now) {
        jdbc.sql("""
                insert into desk_agent_availability (user_id, away, updated_at) values (:user, :away, :now)
                on conflict (user_id) do update set away = excluded.away, updated_at = excluded.updated_at
                """).param("user", user).param("away", away).param("now", Timestamp.from(now)).update();
    }
}
