package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 409: an organization keeps at least one owner. */
public class LastOwner extends UsherException {

    public LastOwner() {
        super(409, "identity.last_owner", "An organization must keep at least one owner.");
    }
}
