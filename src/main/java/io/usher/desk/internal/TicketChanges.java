package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a ticket's recorded field changes ({@code desk_ticket_changes}, written by {@link TicketStore}). */
@Repository
class TicketChanges {

    private final JdbcClient jdbc;

    TicketChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TimelineEntry.ChangeEntry> of(UUID ticket) {
        return jdbc.sql("""
                select actor_id, at, field, old_value, new_value from desk_ticket_changes
                where ticket_id = :ticket order by at, id
                """).param("ticket", ticket).query((rs, row) -> new TimelineEntry.ChangeEntry(
                        rs.getObject("actor_id", UUID.class), rs.getTimestamp("at").toInstant(), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }
}
