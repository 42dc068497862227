package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 401: wrong e-mail or password (the same answer for an unknown e-mail). */
public class BadCredentials extends UsherException {

    public BadCredentials() {
        super(401, "identity.bad_credentials", "The e-mail or password is wrong.");
    }
}
