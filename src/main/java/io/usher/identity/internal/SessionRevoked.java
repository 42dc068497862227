package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 401: the session ended (signed out, revoked, expired, or the user was deactivated). */
public class SessionRevoked extends UsherException {

    public SessionRevoked() {
        super(401, "identity.session_revoked", "This session has ended. Sign in again.");
    }
}
