package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 400: the new password does not meet the password policy. */
public class WeakPassword extends UsherException {

    public WeakPassword(String reason) {
        super(400, "identity.weak_password", reason);
    }
}
