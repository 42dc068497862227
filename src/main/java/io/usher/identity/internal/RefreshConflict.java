package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 409: the same refresh token was rotated moments ago by a concurrent request; use the newest token. */
public class RefreshConflict extends UsherException {

    public RefreshConflict() {
        super(409, "identity.refresh_conflict", "This refresh token was just rotated by another request. Use the newest token.");
    }
}
