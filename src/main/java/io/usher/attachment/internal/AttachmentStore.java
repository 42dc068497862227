package io.usher.attachment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.attachment.AttachmentId;
import io.usher.attachment.StoredAttachment;
import io.usher.identity.UserId;

/** Attachment rows in {@code attachments}, their contents in {@code attachment_blobs}. */
@Repository
public class AttachmentStore {

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the blob unless that content is recorded already. */
    public void blob(String sha256, long size, String contentType, Instant at) {
        jdbc.sql("""
                insert into attachment_blobs (sha256, size, content_type, created_at) values (:sha, :size, :type, :at)
                on conflict (sha256) do nothing
                """).param("sha", sha256).param("size", size).param("type", contentType)
                .param("at", Timestamp.from(at)).update();
    }

    public void insert(StoredAttachment attachment) {
        jdbc.sql("""
                insert into attachments (id, sha256, name, content_type, size, owner_id, created_at)
                values (:id, :sha, :name, :type, :size, :owner, :at)
                """).param("id", attachment.id().value()).param("sha", attachment.sha256())
                .param("name", attachment.name()).param("type", attachment.contentType())
                .param("size", attachment.size()).param("owner", attachment.owner().value())
                .param("at", Timestamp.from(attachment.createdAt())).update();
    }

    public Optional<StoredAttachment> find(AttachmentId id) {
        return jdbc.sql("select * from attachments where id = :id").param("id", id.value())
                .query((rs, row) -> new StoredAttachment(new AttachmentId(rs.getObject("id", UUID.class)),
                        rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                        new UserId(rs.getObject("owner_id", UUID.class)), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** How many blobs are recorded for this content (0 or 1), for tests of de-duplication. */
    public long blobs(String sha256) {
        return jdbc.sql("select count(*) from attachment_blobs where sha256 = :sha").param("sha", sha256)
                .query(Long.class).single();
    }
}
