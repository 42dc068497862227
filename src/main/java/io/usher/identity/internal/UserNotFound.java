package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 404: no such user. */
public class UserNotFound extends UsherException {

    public UserNotFound() {
        super(404, "identity.user_not_found", "No such user.");
    }
}
