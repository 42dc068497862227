package io.usher.catalog.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.catalog.ConcurrentChange;
import io.usher.catalog.CurrencyMismatch;
import io.usher.catalog.InvalidTicketType;
import io.usher.catalog.LastTicketType;
import io.usher.catalog.NameTaken;
import io.usher.catalog.SeatsAlreadyAssigned;
import io.usher.catalog.TicketTypeKindFixed;
import io.usher.catalog.TicketTypeNotFound;
import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.common.TicketTypeId;
import io.usher.identity.CurrentUser;

/**
 * An event's ticket types. Every change defines (or removes) the type's stock in inventory in the same
 * transaction; inventory refusing it ({@link io.usher.inventory.CapacityBelowCommitted}) undoes the change.
 */
@Service
public class TicketTypeManagement {

    private final EventStore events;
    private final VenueStore venues;
    private final TicketTypeStore ticketTypes;
    private final Permissions permissions;
    private final SaleSync sales;
    private final AuditTrail audit;
    private final Clock clock;

    TicketTypeManagement(EventStore events, VenueStore venues, TicketTypeStore ticketTypes, Permissions permissions,
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
     * @throws CurrencyMismatch the event's other ticket types are priced in another currency
     * @throws SeatsAlreadyAssigned a section already sells under another ticket type of the event
     * @throws NameTaken another ticket type of the event has this name
     */
    @Transactional
    public TicketType create(CurrentUser actor, EventId eventId, TicketTypeDetails details) {
        var event = lock(actor, eventId);
        validate(details);
        event.requireOpen();
        var existing = ticketTypes.ofEvent(eventId);
        var type = new TicketType(TicketTypeId.random(), eventId, details.name(),
                Money.of(details.priceMinor(), details.currencyCode()), details.seated(),
                details.seated() ? 0 : details.capacity(), details.sections(), details.saleStartsAt(),
                details.saleEndsAt(), details.min(), details.max(), ticketTypes.nextPosition(eventId),
                details.feeMinor() == null ? 0 : details.feeMinor());
        var plan = check(event, type, existing);
        var sized = type.seated() ? type.withCapacity(seatCount(plan, type)) : type;
        ticketTypes.insert(sized, clock.instant());
        sales.stock(sized, plan);
        audit.record("CATALOG_TICKET_TYPE_CREATED", Permissions.auditActor(actor), sized.id().toString(),
                Map.of("event", eventId.toString(), "name", sized.name(), "capacity", sized.capacity(),
                        "priceMinor", sized.price().minor(), "currency", sized.price().currency().getCurrencyCode()));
        return sized;
    }

    /**
     * Replaces a ticket type's details.
     *
     * @throws TicketTypeKindFixed switching between general admission and seated
     * @throws io.usher.inventory.CapacityBelowCommitted shrinking below what is held or sold
     */
    @Transactional
    public TicketType update(CurrentUser actor, EventId eventId, TicketTypeId id, TicketTypeDetails details) {
        var event = lock(actor, eventId);
        var current = ticketTypes.find(eventId, id).orElseThrow(TicketTypeNotFound::new);
        validate(details);
        event.requireOpen();
        if (current.seated() != details.seated()) {
            throw new TicketTypeKindFixed();
        }
        var existing = ticketTypes.ofEvent(eventId);
        var type = new TicketType(id, eventId, details.name(), Money.of(details.priceMinor(), details.currencyCode()),
                details.seated(), details.seated() ? 0 : details.capacity(), details.sections(),
                details.saleStartsAt(), details.saleEndsAt(), details.min(), details.max(), current.position(),
                details.feeMinor() == null ? current.fee() : details.feeMinor());
        var plan = check(event, type, existing);
        var sized = type.seated() ? type.withCapacity(seatCount(plan, type)) : type;
        ticketTypes.update(sized, clock.instant());
        sales.stock(sized, plan);
        audit.record("CATALOG_TICKET_TYPE_UPDATED", Permissions.auditActor(actor), id.toString(),
                Map.of("event", eventId.toString(), "name", sized.name(), "capacity", sized.capacity(),
                        "priceMinor", sized.price().minor(), "currency", sized.price().currency().getCurrencyCode()));
        return sized;
    }

    /**
     * Deletes a ticket type nothing of which was ever held.
     *
     * @throws io.usher.inventory.CapacityBelowCommitted something of it was held or sold
     * @throws LastTicketType it is the last one of a published event
     */
    @Transactional
    public void delete(CurrentUser actor, EventId eventId, TicketTypeId id) {
        var event = lock(actor, eventId);
        var type = ticketTypes.find(eventId, id).orElseThrow(TicketTypeNotFound::new);
        event.requireOpen();
        if (event.status().onSale() && events.ticketTypeCount(eventId) == 1) {
            throw new LastTicketType();
        }
        sales.remove(type);
        ticketTypes.delete(id);
        audit.record("CATALOG_TICKET_TYPE_DELETED", Permissions.auditActor(actor), id.toString(),
                Map.of("event", eventId.toString(), "name", type.name()));
    }

    /** The event, locked after its venue (the lock order every catalog change keeps). */
    private Event lock(CurrentUser actor, EventId id) {
        var seen = permissions.manageable(actor, events.find(id));
        var venue = seen.content().venue();
        if (venue != null) {
            venues.lockShared(venue.value());
        }
        var event = permissions.manageable(actor, events.lock(id));
        if (!Objects.equals(event.content().venue(), venue)) {
            throw new ConcurrentChange();
        }
        return event;
    }

    private static void validate(TicketTypeDetails details) {
        var problems = details.problems();
        if (!problems.isEmpty()) {
            throw new InvalidTicketType(problems);
        }
    }

    /** Checks the type against the event's others; returns the venue's plan (empty for general admission). */
    private SeatingPlan check(Event event, TicketType type, List<TicketType> existing) {
        var others = existing.stream().filter(other -> !other.id().equals(type.id())).toList();
        if (others.stream().anyMatch(other -> other.name().equalsIgnoreCase(type.name()))) {
            throw new NameTaken("name", "This event already has a ticket type named '" + type.name() + "'.");
        }
        others.stream().map(other -> other.price().currency()).filter(c -> !c.equals(type.price().currency()))
                .findFirst().ifPresent(c -> {
                    throw new CurrencyMismatch(c.getCurrencyCode());
                });
        if (!type.seated()) {
            return SeatingPlan.empty();
        }
        var venue = event.content().venue();
        if (venue == null) {
            throw new InvalidTicketType("sectionIds", "the event has no venue, so nothing to seat; give a capacity "
                    + "for general admission");
        }
        var plan = venues.plan(venue);
        var known = plan.sections().stream().map(SeatingPlan.Section::id).collect(Collectors.toSet());
        var unknown = type.sections().stream().filter(s -> !known.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidTicketType("sectionIds", "not sections of the venue's seating plan: " + unknown);
        }
        var taken = new HashSet<>(type.sections());
        taken.retainAll(others.stream().flatMap(other -> other.sections().stream()).collect(Collectors.toSet()));
        if (!taken.isEmpty()) {
            throw new SeatsAlreadyAssigned(type.sections().stream().filter(taken::contains).toList());
        }
        return plan;
    }

    private static int seatCount(SeatingPlan plan, TicketType type) {
        return (int) plan.seatsOf(new HashSet<>(type.sections())).count();
    }
}
