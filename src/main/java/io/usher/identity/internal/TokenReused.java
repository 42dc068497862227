package io.usher.identity.internal;

import java.util.UUID;

import io.usher.common.UsherException;

/** 401: a rotated refresh token came back; its whole session is now revoked. */
public class TokenReused extends UsherException {

    private final transient UUID sessionId;

    public TokenReused(UUID sessionId) {
        super(401, "identity.token_reused",
                "This refresh token was already used. The session has been revoked; sign in again.");
        this.sessionId = sessionId;
    }

    UUID sessionId() {
        return sessionId;
    }
}
