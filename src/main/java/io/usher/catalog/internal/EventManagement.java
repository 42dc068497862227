package io.usher.catalog.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.catalog.ConcurrentChange;
import io.usher.catalog.EventStatus;
import io.usher.catalog.InvalidCatalogInput.FieldProblem;
import io.usher.catalog.InvalidEvent;
import io.usher.catalog.NotADraft;
import io.usher.catalog.VenueLocked;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;

/**
 * Creates, changes and deletes events (their status moves in {@link EventLifecycle}). Locks are taken venue
 * first, then event, everywhere in catalog, so concurrent plan edits and event changes never deadlock.
 */
@Service
public class EventManagement {

    private final EventStore events;
    private final VenueStore venues;
    private final TicketTypeStore ticketTypes;
    private final Permissions permissions;
    private final SaleSync sales;
    private final AuditTrail audit;
    private final Clock clock;

    EventManagement(EventStore events, VenueStore venues, TicketTypeStore ticketTypes, Permissions permissions,
            SaleSync sales, AuditTrail audit, Clock clock) {
        this.events = events;
        this.venues = venues;
        this.ticketTypes = ticketTypes;
        this.permissions = permissions;
        this.sales = sales;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new draft; inventory learns its sale rules (not on sale yet).
     *
     * @throws io.usher.catalog.NotYourOrganization the actor does not organize for it
     * @throws InvalidEvent details that break a rule
     */
    @Transactional
    public Event create(CurrentUser actor, OrganizationId organization, EventDetails details) {
        permissions.requireManager(actor, organization);
        var venue = details.venueId() == null ? null : venues.lockShared(details.venueId()).orElse(null);
        var event = Event.draft(organization, content(organization, details, venue, 0), clock.instant());
        events.insert(event);
        sales.rules(event);
        audit.record("CATALOG_EVENT_CREATED", Permissions.auditActor(actor), event.id().toString(),
                Map.of("organization", organization.toString(), "title", event.content().title()));
        return event;
    }

    /**
     * Changes an event's details: {@code change} turns the current details into the wanted ones (a full
     * replacement, or a merge patch applied to the current state inside this transaction).
     *
     * @throws io.usher.catalog.ScheduleLocked moving a published event other than by postponing it
     * @throws VenueLocked moving a draft with seated ticket types to another venue
     * @throws io.usher.catalog.EventClosed the event is cancelled or completed
     */
    @Transactional
    public Event update(CurrentUser actor, EventId id, UnaryOperator<EventDetails> change) {
        var seen = permissions.manageable(actor, events.find(id));
        var wantedVenue = change.apply(details(seen)).venueId();
        var venue = wantedVenue == null ? null : venues.lockShared(wantedVenue).orElse(null);
        var event = permissions.manageable(actor, events.lock(id));
        var details = change.apply(details(event));
        if (!Objects.equals(details.venueId(), wantedVenue)) {
            throw new ConcurrentChange();
        }
        var content = content(event.organization(), details, venue, event.content().taxRateBasisPoints());
        var revised = event.revise(content, clock.instant());
        if (event.content().venue() != null && !Objects.equals(content.venue(), event.content().venue())
                && events.hasSeatedTicketTypes(id)) {
            throw new VenueLocked();
        }
        events.update(revised);
        if (!revised.content().sameSaleRules(event.content())) {
            sales.rules(revised);
        }
        audit.record("CATALOG_EVENT_UPDATED", Permissions.auditActor(actor), id.toString(),
                Map.of("title", revised.content().title()));
        return revised;
    }

    /**
     * Deletes a draft with its ticket types (never on sale, so nothing of it was ever held).
     *
     * @throws NotADraft the event was published
     */
    @Transactional
    public void delete(CurrentUser actor, EventId id) {
        var event = permissions.manageable(actor, events.lock(id));
        if (event.status() != EventStatus.DRAFT) {
            throw new NotADraft();
        }
        for (var type : ticketTypes.ofEvent(id)) {
            sales.remove(type);
        }
        events.delete(id);
        audit.record("CATALOG_EVENT_DELETED", Permissions.auditActor(actor), id.toString(),
                Map.of("title", event.content().title()));
    }

    /** The details an event was last given (what a merge patch applies to). */
    static EventDetails details(Event event) {
        var content = event.content();
        var schedule = content.schedule();
        return new EventDetails(content.title(), content.description(), content.category(),
                content.venue() == null ? null : content.venue().value(), content.location(),
                content.venue() == null ? schedule.zone().getId() : null, schedule.startsLocal(),
                schedule.endsLocal(), content.imageUrl(), content.holdMinutes(), content.maxPerBuyer(),
                content.taxRateBasisPoints(), content.refundDaysBefore());
    }

    /** @param taxRate the rate kept when the details leave it out (0 for a new event) */
    private static Event.Content content(OrganizationId organization, EventDetails details, Venue venue, int taxRate) {
        var problems = new ArrayList<>(details.problems());
        ZoneId zone = null;
        String place = null;
        if (details.venueId() != null) {
            if (venue == null || !venue.organization().equals(organization)) {
                problems.add(new FieldProblem("venueId", "no such venue in this event's organization"));
            } else {
                zone = venue.timezone();
                place = venue.place();
                var given = Timezones.parse(details.timezone());
                if (given.isPresent() && !given.get().equals(zone)) {
                    problems.add(new FieldProblem("timezone", "comes from the venue (" + zone.getId()
                            + "); leave it out"));
                }
            }
        } else if (details.location() != null) {
            zone = Timezones.parse(details.timezone()).orElse(null);
            place = details.location();
        }
        Schedule schedule = null;
        if (zone != null) {
            schedule = Schedule.of(zone, details.startsAt(), details.endsAt(), problems);
        } else {
            if (details.startsAt() == null) {
                problems.add(new FieldProblem("startsAt", "must not be null"));
            }
            if (details.endsAt() == null) {
                problems.add(new FieldProblem("endsAt", "must not be null"));
            } else if (details.startsAt() != null && !details.endsAt().isAfter(details.startsAt())) {
                problems.add(new FieldProblem("endsAt", "must be after startsAt"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvent(problems);
        }
        return new Event.Content(details.title(), details.description(), Markdown.toSafeHtml(details.description()),
                details.category(), venue == null ? null : venue.id(), venue == null ? details.location() : null,
                place, schedule, details.imageUrl(), details.holdMinutes(), details.maxPerBuyer(),
                details.taxRateBasisPoints() == null ? taxRate : details.taxRateBasisPoints(),
                details.refundDaysBefore());
    }
}
