package io.usher.identity;

import java.util.List;
import java.util.Optional;

/** Membership checks for modules that scope their data to an organization (events, desk queues). */
public interface Organizations {

    /** Whether the user belongs to the organization (as owner or member). */
    boolean isMember(UserId user, OrganizationId organization);

    /** The organizations the user belongs to. */
    List<OrganizationId> organizationsOf(UserId user);

    /** Whether the organization exists (an administrator may act for any existing one). */
    boolean exists(OrganizationId organization);

    /** The organization's name, to show it (the organizer console lets members pick one). */
    Optional<String> name(OrganizationId organization);

    /** The organization with this name, in any letter case (names are unique that way). */
    Optional<OrganizationId> findByName(String name);
}
