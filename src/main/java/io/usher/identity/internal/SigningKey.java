package io.usher.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key of access tokens. Configured ({@code USHER_JWT_SECRET}) or, by default, created once in
 * the database so that every instance sharing it verifies every other's tokens without extra setup.
 */
@Component
class SigningKey {

    private final SecretKey key;

    SigningKey(IdentityProperties properties, JdbcClient jdbc, Clock clock) {
        byte[] secret;
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            secret = Base64.getDecoder().decode(properties.jwtSecret().strip());
            if (secret.length < 32) {
                throw new IllegalStateException("usher.identity.jwt-secret must be at least 32 bytes (base64)");
            }
        } else {
            jdbc.sql("""
                    insert into identity_signing_keys (id, secret, created_at) values (1, :secret, :now)
                    on conflict (id) do nothing
                    """)
                    .param("secret", SecretTokens.randomKey(32)).param("now", Timestamp.from(clock.instant()))
                    .update();
            secret = jdbc.sql("select secret from identity_signing_keys where id = 1").query(byte[].class).single();
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }
}
