package io.usher.identity;

import java.util.List;

/** Membership checks for modules that scope their data to an organization (events, desk queues). */
public interface Organizations {

    /** Whether the user belongs to the organization (as owner or member). */
    boolean isMember(UserId user, OrganizationId organization);

    /** The organizations the user belongs to. */
    List<OrganizationId> organizationsOf(UserId user);
}
