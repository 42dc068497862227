package io.usher.catalog.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.catalog.EventStatus;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.inventory.Inventory;

/** What the storefront and organizers read: event lists, one event with its ticket types and seat map. */
@Service
public class EventQueries {

    private final EventStore events;
    private final TicketTypeStore ticketTypes;
    private final VenueStore venues;
    private final Permissions permissions;
    private final Inventory inventory;
    private final Clock clock;

    EventQueries(EventStore events, TicketTypeStore ticketTypes, VenueStore venues, Permissions permissions,
            Inventory inventory, Clock clock) {
        this.events = events;
        this.ticketTypes = ticketTypes;
        this.venues = venues;
        this.permissions = permissions;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * Published and postponed events matching the search; {@code availableOnly} keeps those with a ticket
     * left (as inventory saw it at most a second ago).
     */
    @Transactional(readOnly = true)
    public Page<EventSummary> browse(EventSearch search) {
        var browse = search.toBrowse(clock.instant());
        if (search.availableOnly()) {
            browse = new EventStore.Browse(browse.fromInstant(), browse.fromDate(), browse.toInstant(),
                    browse.toDate(), browse.notEndedAt(), browse.category(), browse.text(),
                    inventory.eventsWithStockLeft(), browse.sort(), browse.page(), browse.size());
        }
        return events.browse(browse);
    }

    /** One event for its page; drafts only for their organizers. */
    @Transactional(readOnly = true)
    public EventListing listing(CurrentUser actor, EventId id) {
        var event = permissions.visible(actor, events.find(id));
        var types = ticketTypes.ofEvent(id);
        var venueId = event.content().venue();
        var venue = venueId == null ? null : venues.find(venueId.value()).orElseThrow();
        var seated = types.stream().anyMatch(TicketType::seated);
        var plan = seated ? venues.plan(venueId) : SeatingPlan.empty();
        return new EventListing(event, venue, types, plan, seated ? ticketTypes.sectionOwners(id) : java.util.Map.of());
    }

    /**
     * One event for its organizers' console: like {@link #listing}, but only for those who may change it
     * (a draft of another organization is not found, another organization's published event is not theirs).
     */
    @Transactional(readOnly = true)
    public EventListing managedListing(CurrentUser actor, EventId id) {
        permissions.manageable(actor, events.find(id));
        return listing(actor, id);
    }

    /** An event that is no longer a draft, for other modules. */
    @Transactional(readOnly = true)
    public java.util.Optional<EventListing> published(EventId id) {
        return events.find(id).filter(event -> event.status() != EventStatus.DRAFT)
                .map(event -> new EventListing(event, null, ticketTypes.ofEvent(id), SeatingPlan.empty(),
                        java.util.Map.of()));
    }

    /**
     * The events of these organizations that are no longer drafts, soonest first, at most {@code limit}, for other
     * modules (admission lists the events door staff can work).
     */
    @Transactional(readOnly = true)
    public List<EventListing> publishedOf(List<OrganizationId> organizations, int limit) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        return events.ofOrganizations(organizations, null, 0, limit).items().stream().map(EventSummary::event)
                .filter(event -> event.status() != EventStatus.DRAFT)
                .map(event -> new EventListing(event, null, ticketTypes.ofEvent(event.id()), SeatingPlan.empty(),
                        java.util.Map.of()))
                .toList();
    }

    /** The ticket types of an event the caller may see. */
    @Transactional(readOnly = true)
    public List<TicketType> ticketTypes(CurrentUser actor, EventId id) {
        permissions.visible(actor, events.find(id));
        return ticketTypes.ofEvent(id);
    }

    /**
     * The events, drafts included, of the organizations the actor organizes for (or of one of them; an
     * administrator may name any).
     */
    @Transactional(readOnly = true)
    public Page<EventSummary> organized(CurrentUser actor, OrganizationId organization, EventStatus status, int page,
            int size) {
        var problems = new java.util.ArrayList<io.usher.catalog.InvalidCatalogInput.FieldProblem>();
        EventSearch.pageProblems(page, size, problems);
        if (!problems.isEmpty()) {
            throw new io.usher.catalog.InvalidEventQuery(problems);
        }
        List<OrganizationId> organizations;
        if (organization != null) {
            permissions.requireManager(actor, organization);
            organizations = List.of(organization);
        } else {
            organizations = permissions.managed(actor);
        }
        return events.ofOrganizations(organizations, status, page, size);
    }
}
