package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 409: an administrator cannot deactivate themselves or drop their own ADMIN role. */
public class CannotChangeOwnAccess extends UsherException {

    public CannotChangeOwnAccess() {
        super(409, "identity.cannot_change_own_access", "You cannot deactivate yourself or remove your own ADMIN role.");
    }
}
