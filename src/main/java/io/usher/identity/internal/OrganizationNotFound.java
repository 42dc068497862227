package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 404: no such organization, or you are not a member. */
public class OrganizationNotFound extends UsherException {

    public OrganizationNotFound() {
        super(404, "identity.organization_not_found", "No such organization.");
    }
}
