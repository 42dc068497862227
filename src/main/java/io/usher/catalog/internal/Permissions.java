package io.usher.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.usher.catalog.EventNotFound;
import io.usher.catalog.EventStatus;
import io.usher.catalog.NotYourEvent;
import io.usher.catalog.NotYourOrganization;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Organizations;
import io.usher.identity.Role;
import io.usher.identity.UserId;

/**
 * Who manages an organization's venues and events: its members who hold the ORGANIZER role, and
 * administrators. Drafts are visible to those only; anything else about an event is public.
 */
@Component
class Permissions {

    /** Catalog acting on its own (demo data): an administrator that is no user. */
    static final CurrentUser SYSTEM = new CurrentUser(new UserId(new UUID(0, 0)), "system@usher.local",
            Set.of(Role.ADMIN), new UUID(0, 0));

    private final Organizations organizations;

    Permissions(Organizations organizations) {
        this.organizations = organizations;
    }

    boolean canManage(CurrentUser actor, OrganizationId organization) {
        if (actor == null) {
            return false;
        }
        if (actor.has(Role.ADMIN)) {
            return true;
        }
        return actor.has(Role.ORGANIZER) && organizations.isMember(actor.id(), organization);
    }

    /** @throws NotYourOrganization not an organizer of it, or (for administrators) no such organization */
    void requireManager(CurrentUser actor, OrganizationId organization) {
        if (!canManage(actor, organization) || actor.has(Role.ADMIN) && !organizations.exists(organization)) {
            throw new NotYourOrganization();
        }
    }

    /**
     * The event, if the actor may change it: a draft is invisible to anyone else (404); a published event of
     * another organization is visible but not theirs (403).
     */
    Event manageable(CurrentUser actor, Optional<Event> found) {
        var event = found.orElseThrow(EventNotFound::new);
        if (!canManage(actor, event.organization())) {
            if (event.status() == EventStatus.DRAFT) {
                throw new EventNotFound();
            }
            throw new NotYourEvent();
        }
        return event;
    }

    /** The event, if the actor (or an anonymous caller, {@code null}) may see it. */
    Event visible(CurrentUser actor, Optional<Event> found) {
        var event = found.orElseThrow(EventNotFound::new);
        if (event.status() == EventStatus.DRAFT && !canManage(actor, event.organization())) {
            throw new EventNotFound();
        }
        return event;
    }

    /** The organizations whose venues and events the actor manages as a member. */
    List<OrganizationId> managed(CurrentUser actor) {
        if (actor == null || !(actor.has(Role.ORGANIZER) || actor.has(Role.ADMIN))) {
            return List.of();
        }
        return organizations.organizationsOf(actor.id());
    }

    /** The actor as the audit trail records them; catalog itself as nobody. */
    static UUID auditActor(CurrentUser actor) {
        return SYSTEM.equals(actor) ? null : actor.id().value();
    }
}
