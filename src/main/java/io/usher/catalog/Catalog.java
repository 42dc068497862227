package io.usher.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.usher.catalog.internal.EventListing;
import io.usher.catalog.internal.EventQueries;
import io.usher.common.EventId;
import io.usher.identity.OrganizationId;

/** The catalog module's API for other modules (orders price their lines with it, admission names events). */
@Service
public class Catalog {

    private final EventQueries queries;

    Catalog(EventQueries queries) {
        this.queries = queries;
    }

    /** An event that is no longer a draft, with its ticket types and prices; drafts are not found. */
    public Optional<CatalogEvent> event(EventId id) {
        return queries.published(id).map(Catalog::event);
    }

    /** The events of these organizations that are no longer drafts, soonest first (at most {@code limit}). */
    public List<CatalogEvent> eventsOf(List<OrganizationId> organizations, int limit) {
        return queries.publishedOf(organizations, limit).stream().map(Catalog::event).toList();
    }

    private static CatalogEvent event(EventListing listing) {
        var event = listing.event();
        var schedule = event.schedule();
        return new CatalogEvent(event.id(), event.organization(), event.content().title(),
                event.content().place(), event.status(),
                schedule.startsAt(), schedule.endsAt(), schedule.zone().getId(), event.content().taxRateBasisPoints(),
                event.content().refundDaysBefore(), listing.ticketTypes().stream().map(t -> new CatalogEvent.Offer(t.id(), t.name(), t.price(),
                        new io.usher.common.Money(t.fee(), t.price().currency()), t.seated())).toList());
    }
}
