package io.usher.catalog;

import io.usher.common.UsherException;

/** 403: the caller is not an organizer in that organization (nor an administrator). */
public class NotYourOrganization extends UsherException {

    public NotYourOrganization() {
        super(403, "catalog.not_your_organization", "Only organizers who are members of this organization (or administrators) can do this.");
    }
}
