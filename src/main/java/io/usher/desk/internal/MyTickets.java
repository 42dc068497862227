package io.usher.desk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.TicketStatus;
import io.usher.identity.CurrentUser;

/** The tickets a requester opened, for the portal: most recently active first. */
@Service
public class MyTickets {

    private static final int LIMIT = 200;

    private final JdbcClient jdbc;

    MyTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One of my tickets.
     *
     * @param lastUpdate the latest of its own changes, its recorded changes and its public replies
     */
    public record MyTicket(UUID id, String number, String subject, TicketStatus status, Instant createdAt,
            Instant lastUpdate) {
    }

    /** The caller's latest tickets (at most 200). */
    @Transactional(readOnly = true)
    public List<MyTicket> of(CurrentUser requester) {
        return jdbc.sql("""
                select t.id, t.number, t.subject, t.status, t.created_at,
                    greatest(t.updated_at, t.last_activity_at,
                        (select max(c.created_at) from desk_comments c
                         where c.ticket_id = t.id and c.visibility = 'PUBLIC')) as last_update
                from desk_tickets t
                where t.requester_id = :requester
                order by last_update desc, t.number desc
                limit :limit
                """).param("requester", requester.id().value()).param("limit", LIMIT)
                .query((rs, row) -> new MyTicket(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_update").toInstant()))
                .list();
    }
}
