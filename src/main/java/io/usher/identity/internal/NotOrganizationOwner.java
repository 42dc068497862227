package io.usher.identity.internal;

import io.usher.common.UsherException;

/** 403: only an owner of the organization (or an administrator) may manage its members. */
public class NotOrganizationOwner extends UsherException {

    public NotOrganizationOwner() {
        super(403, "identity.not_organization_owner", "Only an owner of this organization can manage its members.");
    }
}
