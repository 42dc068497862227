package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 409: an organization with this name exists already. */
public class OrganizationNameTaken extends UsherException {

    public OrganizationNameTaken() {
        super(409, "identity.organization_name_taken", "An organization with this name exists already.");
    }
}
