package io.usher.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notifications in {@code notification_inbox}. */
@Repository
class InboxStore {

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry unless one came from the same source already; answers whether it was added. */
    boolean add(InAppNotification entry, String sourceKey) {
        return jdbc.sql("""
                insert into notification_inbox (id, user_id, kind, title, body, link, source_key, created_at)
                values (:id, :user, :kind, :title, :body, :link, :source, :at)
                on conflict (source_key) do nothing
                """).param("id", entry.id()).param("user", entry.userId()).param("kind", entry.kind())
                .param("title", entry.title()).param("body", entry.body()).param("link", entry.link())
                .param("source", sourceKey).param("at", Timestamp.from(entry.createdAt())).update() == 1;
    }

    List<InAppNotification> of(UUID user, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                select * from notification_inbox
                where user_id = :user and (not :unread or read_at is null)
                order by created_at desc, id limit :limit
                """).param("user", user).param("unread", unreadOnly).param("limit", limit)
                .query(InboxStore::row).list();
    }

    int unread(UUID user) {
        return jdbc.sql("select count(*) from notification_inbox where user_id = :user and read_at is null")
                .param("user", user).query(Integer.class).single();
    }

    /** Marks the user's entry read; answers false if the user has no such entry. */
    boolean markRead(UUID user, UUID id, Instant at) {
        return jdbc.sql("""
                update notification_inbox set read_at = coalesce(read_at, :at) where id = :id and user_id = :user
                """).param("id", id).param("user", user).param("at", Timestamp.from(at)).update() == 1;
    }

    int markAllRead(UUID user, Instant at) {
        return jdbc.sql("update notification_inbox set read_at = :at where user_id = :user and read_at is null")
                .param("user", user).param("at", Timestamp.from(at)).update();
    }

    private static InAppNotification row(ResultSet rs, int row) throws SQLException {
        var read = rs.getTimestamp("read_at");
        return new InAppNotification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
