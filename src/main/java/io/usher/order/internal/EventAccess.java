package io.usher.order.internal;

import org.springframework.stereotype.Component;

import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.identity.Organizations;
import io.usher.identity.Role;
import io.usher.order.EventNotFound;

/** Who may manage an event's coupons and see its orders: its organization's organizers, and admins. */
@Component
class EventAccess {

    private final Catalog catalog;
    private final Organizations organizations;

    EventAccess(Catalog catalog, Organizations organizations) {
        this.catalog = catalog;
        this.organizations = organizations;
    }

    /** @throws EventNotFound no such published event, or not the caller's to manage (no difference is shown) */
    CatalogEvent managed(CurrentUser actor, EventId id) {
        var event = catalog.event(id).orElseThrow(EventNotFound::new);
        var allowed = actor.has(Role.ADMIN)
                || (actor.has(Role.ORGANIZER) && organizations.isMember(actor.id(), event.organization()));
        if (!allowed) {
            throw new EventNotFound();
        }
        return event;
    }
}
