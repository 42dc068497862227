package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 401: a refresh, verification or reset token that is unknown, expired or used. */
public class InvalidToken extends UsherException {

    public InvalidToken(String detail) {
        super(401, "identity.invalid_token", detail);
    }
}
