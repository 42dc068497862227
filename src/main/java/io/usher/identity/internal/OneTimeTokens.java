package io.usher.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use tokens for e-mail verification and password reset; stored hashed. */
@Repository
class OneTimeTokens {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a token; earlier unused tokens of the same purpose for the user stop working. */
    String issue(UUID userId, Purpose purpose, Instant now, Instant expiresAt) {
        jdbc.sql("""
                update identity_one_time_tokens set used_at = :now
                where user_id = :user and purpose = :purpose and used_at is null
                """)
                .param("user", userId).param("purpose", purpose.name()).param("now", Timestamp.from(now)).update();
        var token = SecretTokens.generate();
        jdbc.sql("""
                insert into identity_one_time_tokens (token_hash, user_id, purpose, created_at, expires_at)
                values (:hash, :user, :purpose, :now, :expires)
                """)
                .param("hash", SecretTokens.hash(token)).param("user", userId).param("purpose", purpose.name())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /**
     * Uses a token up: exactly one caller gets its user, however many present it at once.
     *
     * @return the user the token was issued to, if it was valid, unused and unexpired
     */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update identity_one_time_tokens set used_at = :now
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                returning user_id
                """)
                .param("hash", SecretTokens.hash(token)).param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .query(UUID.class).optional();
    }
}
