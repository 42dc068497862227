package io.usher.admission.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.usher.admission.EventNotFound;
import io.usher.admission.NotDoorStaff;
import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Organizations;
import io.usher.identity.Role;
import io.usher.identity.UserId;

/**
 * Who may work the door of an event: door staff and organizers who belong to the organizing organization, and
 * administrators. Checked on every scan, so the event's organization (which never changes) is cached, and a
 * membership answer for ten seconds: a member removed from the organization stops scanning within that time.
 */
@Component
class DoorAccess {

    private static final int WORKABLE_EVENTS = 200;

    private final Catalog catalog;
    private final Organizations organizations;
    private final Cache<EventId, Optional<CatalogEvent>> events = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();
    private final Cache<Membership, Boolean> memberships = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).maximumSize(100_000).build();

    private record Membership(UserId user, OrganizationId organization) {
    }

    DoorAccess(Catalog catalog, Organizations organizations) {
        this.catalog = catalog;
        this.organizations = organizations;
    }

    /**
     * @throws EventNotFound no such event (drafts included)
     * @throws NotDoorStaff the caller may not work this event's door
     */
    CatalogEvent authorize(CurrentUser actor, EventId id) {
        var event = events.get(id, catalog::event).orElseThrow(EventNotFound::new);
        if (actor.has(Role.ADMIN)) {
            return event;
        }
        var staff = actor.has(Role.DOOR_STAFF) || actor.has(Role.ORGANIZER);
        if (!staff || !memberships.get(new Membership(actor.id(), event.organization()),
                m -> organizations.isMember(m.user(), m.organization()))) {
            throw new NotDoorStaff();
        }
        return event;
    }

    /**
     * For an event's dashboard: its organization's organizers, and administrators.
     *
     * @throws EventNotFound also when the caller may not see it, so others learn nothing of its numbers
     */
    CatalogEvent authorizeOrganizer(CurrentUser actor, EventId id) {
        var event = events.get(id, catalog::event).orElseThrow(EventNotFound::new);
        if (actor.has(Role.ADMIN)
                || actor.has(Role.ORGANIZER) && organizations.isMember(actor.id(), event.organization())) {
            return event;
        }
        throw new EventNotFound();
    }

    /** The events whose door the caller may work: those of the organizations they belong to, soonest first. */
    List<CatalogEvent> workable(CurrentUser actor) {
        if (!(actor.has(Role.ADMIN) || actor.has(Role.DOOR_STAFF) || actor.has(Role.ORGANIZER))) {
            return List.of();
        }
        return catalog.eventsOf(organizations.organizationsOf(actor.id()), WORKABLE_EVENTS);
    }
}
