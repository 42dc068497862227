package io.usher.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.CommentVisibility;

/**
 * Comments in {@code desk_comments}, their earlier versions in {@code desk_comment_revisions} and the tickets'
 * attachments in {@code desk_ticket_attachments}.
 */
@Repository
class CommentStore {

    private static final String ATTACHMENT_COLUMNS = """
            a.attachment_id, a.ticket_id, a.comment_id, c.visibility, a.uploader_id, a.name, a.content_type, a.size,
            a.created_at""";

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Comment comment) {
        jdbc.sql("""
                insert into desk_comments (id, ticket_id, author_id, visibility, by_agent, body, created_at)
                values (:id, :ticket, :author, :visibility, :agent, :body, :at)
                """).param("id", comment.id()).param("ticket", comment.ticketId()).param("author", comment.authorId())
                .param("visibility", comment.visibility().name()).param("agent", comment.byAgent())
                .param("body", comment.body()).param("at", Timestamp.from(comment.createdAt())).update();
    }

    Optional<Comment> lock(UUID ticket, UUID id) {
        return jdbc.sql("select * from desk_comments where id = :id and ticket_id = :ticket for update")
                .param("id", id).param("ticket", ticket).query(CommentStore::comment).optional();
    }

    /** The ticket's comments, oldest first; internal notes only when asked for. */
    List<Comment> of(UUID ticket, boolean withInternal) {
        return jdbc.sql("""
                select * from desk_comments
                where ticket_id = :ticket and (:internal or visibility = 'PUBLIC')
                order by created_at, id
                """).param("ticket", ticket).param("internal", withInternal).query(CommentStore::comment).list();
    }

    /** Whether an agent has replied publicly before. */
    boolean hasPublicAgentReply(UUID ticket) {
        return jdbc.sql("""
                select exists (select 1 from desk_comments where ticket_id = :ticket and by_agent
                    and visibility = 'PUBLIC')
                """).param("ticket", ticket).query(Boolean.class).single();
    }

    /** Keeps the current body as a revision and replaces it. */
    void edit(Comment comment, String body, Instant at) {
        jdbc.sql("""
                insert into desk_comment_revisions (comment_id, body, written_at, replaced_at)
                values (:comment, :body, :written, :at)
                """).param("comment", comment.id()).param("body", comment.body())
                .param("written", Timestamp.from(comment.editedAt() != null ? comment.editedAt() : comment.createdAt()))
                .param("at", Timestamp.from(at)).update();
        jdbc.sql("update desk_comments set body = :body, edited_at = :at where id = :id").param("id", comment.id())
                .param("body", body).param("at", Timestamp.from(at)).update();
    }

    List<CommentRevision> revisions(UUID comment) {
        return jdbc.sql("""
                select body, written_at, replaced_at from desk_comment_revisions where comment_id = :comment order by id
                """).param("comment", comment).query((rs, row) -> new CommentRevision(rs.getString("body"),
                        rs.getTimestamp("written_at").toInstant(), rs.getTimestamp("replaced_at").toInstant()))
                .list();
    }

    void insertAttachment(TicketAttachment attachment) {
        jdbc.sql("""
                insert into desk_ticket_attachments (attachment_id, ticket_id, uploader_id, name, content_type, size,
                    created_at)
                values (:id, :ticket, :uploader, :name, :type, :size, :at)
                """).param("id", attachment.attachmentId()).param("ticket", attachment.ticketId())
                .param("uploader", attachment.uploaderId()).param("name", attachment.name())
                .param("type", attachment.contentType()).param("size", attachment.size())
                .param("at", Timestamp.from(attachment.createdAt())).update();
    }

    /** Bytes attached to the ticket so far. */
    long attachedBytes(UUID ticket) {
        return jdbc.sql("select coalesce(sum(size), 0) from desk_ticket_attachments where ticket_id = :ticket")
                .param("ticket", ticket).query(Long.class).single();
    }

    List<TicketAttachment> attachments(UUID ticket) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + """
                 from desk_ticket_attachments a left join desk_comments c on c.id = a.comment_id
                where a.ticket_id = :ticket order by a.created_at, a.attachment_id
                """).param("ticket", ticket).query(CommentStore::attachment).list();
    }

    Optional<TicketAttachment> attachment(UUID ticket, UUID attachment) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + """
                 from desk_ticket_attachments a left join desk_comments c on c.id = a.comment_id
                where a.ticket_id = :ticket and a.attachment_id = :id
                """).param("ticket", ticket).param("id", attachment).query(CommentStore::attachment).optional();
    }

    /**
     * Attaches the uploads to the comment; answers how many it took. Only the ticket's uploads by the author that are
     * on no comment yet qualify.
     */
    int attachToComment(UUID ticket, UUID comment, UUID author, Collection<UUID> attachments) {
        return jdbc.sql("""
                update desk_ticket_attachments set comment_id = :comment
                where ticket_id = :ticket and uploader_id = :author and comment_id is null and attachment_id = any(:ids)
                """).param("comment", comment).param("ticket", ticket).param("author", author)
                .param("ids", attachments.toArray(UUID[]::new)).update();
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        var edited = rs.getTimestamp("edited_at");
        return new Comment(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("author_id", UUID.class), CommentVisibility.valueOf(rs.getString("visibility")),
                rs.getBoolean("by_agent"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant());
    }

    private static TicketAttachment attachment(ResultSet rs, int row) throws SQLException {
        return new TicketAttachment(rs.getObject("attachment_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("comment_id", UUID.class), rs.getString("visibility"),
                rs.getObject("uploader_id", UUID.class), rs.getString("name"), rs.getString("content_type"),
                rs.getLong("size"), rs.getTimestamp("created_at").toInstant());
    }
}
