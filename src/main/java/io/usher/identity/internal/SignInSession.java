package io.usher.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** One signed-in device: a row of {@code identity_sessions}. */
public record SignInSession(UUID id, UUID userId, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt, String revokedReason, String userAgent, String ip) {

    boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
