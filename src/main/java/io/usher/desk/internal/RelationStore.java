package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.TicketLinkType;

/**
 * What a ticket relates to: its order ({@code desk_tickets.order_id}), watchers ({@code desk_ticket_watchers}), tags
 * ({@code desk_ticket_tags}) and links to other tickets ({@code desk_ticket_links}); and the moves of a merge.
 */
@Repository
class RelationStore {

    private final JdbcClient jdbc;

    RelationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A watcher, with how the desk knows them. */
    record Watcher(UUID userId, UUID addedBy, Instant addedAt) {
    }

    /** A link as the asking ticket sees it: the other ticket and its number, subject and status. */
    record Link(TicketLinkType type, UUID ticketId, String number, String subject, String status, UUID createdBy,
            Instant createdAt) {
    }

    void order(UUID ticket, UUID order) {
        jdbc.sql("update desk_tickets set order_id = :order where id = :id").param("id", ticket).param("order", order)
                .update();
    }

    UUID orderOf(UUID ticket) {
        return jdbc.sql("select order_id from desk_tickets where id = :id").param("id", ticket)
                .query((rs, row) -> rs.getObject(1, UUID.class)).optional().orElse(null);
    }

    List<Watcher> watchers(UUID ticket) {
        return jdbc.sql("""
                select user_id, added_by, added_at from desk_ticket_watchers where ticket_id = :ticket
                order by added_at, user_id
                """).param("ticket", ticket).query((rs, row) -> new Watcher(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** False if the person watched the ticket already. */
    boolean watch(UUID ticket, UUID user, UUID by, Instant at) {
        return jdbc.sql("""
                insert into desk_ticket_watchers (ticket_id, user_id, added_by, added_at) values (:ticket, :user, :by, :at)
                on conflict do nothing
                """).param("ticket", ticket).param("user", user).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    boolean unwatch(UUID ticket, UUID user) {
        return jdbc.sql("delete from desk_ticket_watchers where ticket_id = :ticket and user_id = :user")
                .param("ticket", ticket).param("user", user).update() == 1;
    }

    List<String> tags(UUID ticket) {
        return jdbc.sql("select tag from desk_ticket_tags where ticket_id = :ticket order by tag")
                .param("ticket", ticket).query(String.class).list();
    }

    void tag(UUID ticket, String tag) {
        jdbc.sql("insert into desk_ticket_tags (ticket_id, tag) values (:ticket, :tag) on conflict do nothing")
                .param("ticket", ticket).param("tag", tag).update();
    }

    void untag(UUID ticket, String tag) {
        jdbc.sql("delete from desk_ticket_tags where ticket_id = :ticket and tag = :tag").param("ticket", ticket)
                .param("tag", tag).update();
    }

    /**
     * Stores the link in its one direction ({@code BLOCKED_BY} as the other's {@code BLOCKS}, {@code RELATED} from
     * the smaller id as PostgreSQL orders uuids); false if it existed already.
     */
    boolean link(UUID from, TicketLinkType type, UUID to, UUID by, Instant at) {
        var stored = stored(from, type, to);
        var ends = stored.symmetric() ? "least(:a, :b), :type, greatest(:a, :b)" : ":a, :type, :b";
        return jdbc.sql("""
                insert into desk_ticket_links (from_ticket_id, type, to_ticket_id, created_by, created_at)
                values (%s, :by, :at)
                on conflict do nothing
                """.formatted(ends)).param("a", stored.from()).param("type", stored.type().name())
                .param("b", stored.to()).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    boolean unlink(UUID from, TicketLinkType type, UUID to) {
        var stored = stored(from, type, to);
        return jdbc.sql("""
                delete from desk_ticket_links
                where type = :type and ((from_ticket_id = :a and to_ticket_id = :b)
                    or (:symmetric and from_ticket_id = :b and to_ticket_id = :a))
                """).param("a", stored.from()).param("type", stored.type().name()).param("b", stored.to())
                .param("symmetric", stored.symmetric()).update() == 1;
    }

    /** The ticket's links, each as this ticket sees it, oldest first. */
    List<Link> links(UUID ticket) {
        return jdbc.sql("""
                select l.type, l.from_ticket_id = :ticket as outgoing, t.id, t.number, t.subject, t.status,
                       l.created_by, l.created_at
                from desk_ticket_links l
                join desk_tickets t on t.id = case when l.from_ticket_id = :ticket then l.to_ticket_id
                                                   else l.from_ticket_id end
                where l.from_ticket_id = :ticket or l.to_ticket_id = :ticket
                order by l.created_at, t.number
                """).param("ticket", ticket).query((rs, row) -> {
                    var type = TicketLinkType.valueOf(rs.getString("type"));
                    return new Link(rs.getBoolean("outgoing") ? type : type.inverse(), rs.getObject("id", UUID.class),
                            rs.getString("number"), rs.getString("subject"), rs.getString("status"),
                            rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant());
                }).list();
    }

    /** Moves the duplicate's comments (with their revisions, which follow by comment id) to the other ticket. */
    int moveComments(UUID from, UUID to, boolean makeInternal) {
        return jdbc.sql("""
                update desk_comments set ticket_id = :to,
                    visibility = case when :internal then 'INTERNAL' else visibility end
                where ticket_id = :from
                """).param("from", from).param("to", to).param("internal", makeInternal).update();
    }

    int moveAttachments(UUID from, UUID to) {
        return jdbc.sql("update desk_ticket_attachments set ticket_id = :to where ticket_id = :from")
                .param("from", from).param("to", to).update();
    }

    private record Stored(UUID from, TicketLinkType type, UUID to, boolean symmetric) {
    }

    private static Stored stored(UUID from, TicketLinkType type, UUID to) {
        return switch (type) {
            case BLOCKED_BY -> new Stored(to, TicketLinkType.BLOCKS, from, false);
            case HAS_DUPLICATE -> new Stored(to, TicketLinkType.DUPLICATE_OF, from, false);
            case RELATED -> new Stored(from, type, to, true);
            default -> new Stored(from, type, to, false);
        };
    }
}
