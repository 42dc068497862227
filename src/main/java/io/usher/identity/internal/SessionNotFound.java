package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 404: no such session of yours. */
public class SessionNotFound extends UsherException {

    public SessionNotFound() {
        super(404, "identity.session_not_found", "No such session.");
    }
}
