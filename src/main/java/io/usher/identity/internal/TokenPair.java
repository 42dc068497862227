package io.usher.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What a sign-in or refresh hands out. */
public record TokenPair(String accessToken, Instant accessTokenExpiresAt, Duration accessTokenTtl,
        String refreshToken, Instant refreshTokenExpiresAt, UUID sessionId, UserAccount user) {
}
