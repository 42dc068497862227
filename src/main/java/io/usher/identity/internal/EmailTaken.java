package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 409: an account with this e-mail exists already. */
public class EmailTaken extends UsherException {

    public EmailTaken() {
        super(409, "identity.email_taken", "An account with this e-mail address exists already.");
    }
}
