package io.usher.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-in sessions and their rotating refresh tokens, in SQL. */
@Repository
class SessionStore {

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of {@code identity_refresh_tokens}. */
    record RefreshToken(UUID sessionId, Instant issuedAt, Instant expiresAt, Instant rotatedAt) {
    }

    void insertSession(SignInSession session) {
        jdbc.sql("""
                insert into identity_sessions (id, user_id, created_at, expires_at, last_used_at, user_agent, ip)
                values (:id, :user, :created, :expires, :created, :agent, :ip)
                """)
                .param("id", session.id()).param("user", session.userId())
                .param("created", ts(session.createdAt())).param("expires", ts(session.expiresAt()))
                .param("agent", truncate(session.userAgent(), 255)).param("ip", truncate(session.ip(), 64))
                .update();
    }

    void insertRefreshToken(byte[] hash, UUID sessionId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                insert into identity_refresh_tokens (token_hash, session_id, issued_at, expires_at)
                values (:hash, :session, :issued, :expires)
                """)
                .param("hash", hash).param("session", sessionId)
                .param("issued", ts(issuedAt)).param("expires", ts(expiresAt))
                .update();
    }

    /** Locks the token's row: of concurrent refreshes with one token, exactly one sees it unrotated. */
    Optional<RefreshToken> lockRefreshToken(byte[] hash) {
        return jdbc.sql("""
                select session_id, issued_at, expires_at, rotated_at from identity_refresh_tokens
                where token_hash = :hash for update
                """)
                .param("hash", hash)
                .query((rs, row) -> new RefreshToken(rs.getObject("session_id", UUID.class),
                        instant(rs, "issued_at"), instant(rs, "expires_at"), instant(rs, "rotated_at")))
                .optional();
    }

    void markRotated(byte[] hash, Instant now) {
        jdbc.sql("update identity_refresh_tokens set rotated_at = :now where token_hash = :hash")
                .param("hash", hash).param("now", ts(now)).update();
    }

    Optional<SignInSession> findSession(UUID id) {
        return jdbc.sql("select * from identity_sessions where id = :id")
                .param("id", id).query(SessionStore::map).optional();
    }

    void touch(UUID sessionId, Instant now, String ip) {
        jdbc.sql("update identity_sessions set last_used_at = :now, ip = coalesce(:ip, ip) where id = :id")
                .param("id", sessionId).param("now", ts(now)).param("ip", truncate(ip, 64)).update();
    }

    /** Active sessions of a user, newest first. */
    List<SignInSession> activeSessions(UUID userId, Instant now) {
        return jdbc.sql("""
                select * from identity_sessions
                where user_id = :user and revoked_at is null and expires_at > :now
                order by seq desc
                """)
                .param("user", userId).param("now", ts(now)).query(SessionStore::map).list();
    }

    /** @return whether the session was active and is now revoked */
    boolean revoke(UUID sessionId, String reason, Instant now) {
        return jdbc.sql("""
                update identity_sessions set revoked_at = :now, revoked_reason = :reason
                where id = :id and revoked_at is null
                """)
                .param("id", sessionId).param("reason", reason).param("now", ts(now)).update() == 1;
    }

    /** Keeps the user's {@code keep} newest active sessions and revokes the rest; returns the revoked ids. */
    List<UUID> revokeBeyond(UUID userId, int keep, String reason, Instant now) {
        return jdbc.sql("""
                update identity_sessions set revoked_at = :now, revoked_reason = :reason
                where id in (
                    select id from identity_sessions
                    where user_id = :user and revoked_at is null and expires_at > :now
                    order by seq desc offset :keep)
                returning id
                """)
                .param("user", userId).param("keep", keep).param("reason", reason).param("now", ts(now))
                .query(UUID.class).list();
    }

    /** Revokes every active session of a user; returns their ids. */
    List<UUID> revokeAll(UUID userId, String reason, Instant now) {
        return jdbc.sql("""
                update identity_sessions set revoked_at = :now, revoked_reason = :reason
                where user_id = :user and revoked_at is null
                returning id
                """)
                .param("user", userId).param("reason", reason).param("now", ts(now))
                .query(UUID.class).list();
    }

    /** Whether the session may still be used: not revoked, not past its absolute end, its user active. */
    boolean isUsable(UUID sessionId, Instant now) {
        return jdbc.sql("""
                select exists (
                    select 1 from identity_sessions s join identity_users u on u.id = s.user_id
                    where s.id = :id and s.revoked_at is null and s.expires_at > :now and u.active)
                """)
                .param("id", sessionId).param("now", ts(now)).query(Boolean.class).single();
    }

    private static SignInSession map(ResultSet rs, int row) throws SQLException {
        return new SignInSession(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"), rs.getString("revoked_reason"), rs.getString("user_agent"),
                rs.getString("ip"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
