package io.usher.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.catalog.InvalidCatalogInput.FieldProblem;
import io.usher.catalog.InvalidSeatingPlan;
import io.usher.catalog.InvalidVenue;
import io.usher.catalog.NameTaken;
import io.usher.catalog.RowNotFound;
import io.usher.catalog.SeatNotFound;
import io.usher.catalog.SectionInUse;
import io.usher.catalog.SectionNotFound;
import io.usher.catalog.VenueId;
import io.usher.catalog.VenueInUse;
import io.usher.catalog.VenueNotFound;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;

/**
 * Venues and their seating plans, visible to and changed by their organization's organizers only. A plan
 * change reaches every seated ticket type selling the changed sections (of events not yet closed): their
 * capacity follows the seats, and inventory gets the new seats in the same transaction — it refuses to drop
 * a held or sold seat, which undoes the change.
 */
@Service
public class VenueManagement {

    private final VenueStore venues;
    private final EventStore events;
    private final TicketTypeStore ticketTypes;
    private final Permissions permissions;
    private final SaleSync sales;
    private final AuditTrail audit;
    private final Clock clock;

    VenueManagement(VenueStore venues, EventStore events, TicketTypeStore ticketTypes, Permissions permissions,
            SaleSync sales, AuditTrail audit, Clock clock) {
        this.venues = venues;
        this.events = events;
        this.ticketTypes = ticketTypes;
        this.permissions = permissions;
        this.sales = sales;
        this.audit = audit;
        this.clock = clock;
    }

    /** A row to add at the back of a section, its seats numbered from 1. */
    public record RowAddition(String label, Integer seats, List<Integer> accessibleSeats) {
    }

    @Transactional
    public VenueLayout create(CurrentUser actor, OrganizationId organization, VenueDetails details,
            PlanDescription description) {
        permissions.requireManager(actor, organization);
        var problems = details.problems(true);
        if (!problems.isEmpty()) {
            throw new InvalidVenue(problems);
        }
        var now = clock.instant();
        var venue = new Venue(VenueId.random(), organization, details.name().strip(), details.address().strip(),
                Timezones.parse(details.timezone()).orElseThrow(), details.capacity(), now, now);
        var sections = description == null ? List.<SeatingPlan.Section>of() : description.expand(1, Set.of());
        var plan = new SeatingPlan(sections);
        requireWithinCapacity(venue, plan);
        venues.insert(venue);
        venues.insertSections(venue.id(), sections);
        audit.record("CATALOG_VENUE_CREATED", Permissions.auditActor(actor), venue.id().toString(),
                Map.of("organization", organization.toString(), "name", venue.name(), "seats", plan.seatCount()));
        return new VenueLayout(venue, plan);
    }

    @Transactional(readOnly = true)
    public VenueLayout get(CurrentUser actor, VenueId id) {
        var venue = managed(actor, venues.find(id.value()));
        return new VenueLayout(venue, venues.plan(id));
    }

    /** The venues of the actor's organizations, or of one of them. */
    @Transactional(readOnly = true)
    public List<Venue> list(CurrentUser actor, OrganizationId organization) {
        if (organization != null) {
            permissions.requireManager(actor, organization);
            return venues.ofOrganizations(List.of(organization));
        }
        return venues.ofOrganizations(permissions.managed(actor));
    }

    /**
     * Changes the given fields.
     *
     * @throws VenueInUse a new time zone for a venue that has events
     */
    @Transactional
    public VenueLayout update(CurrentUser actor, VenueId id, VenueDetails change) {
        var venue = managed(actor, venues.lock(id.value()));
        var problems = change.problems(false);
        if (!problems.isEmpty()) {
            throw new InvalidVenue(problems);
        }
        var timezone = change.timezone() == null ? venue.timezone() : Timezones.parse(change.timezone()).orElseThrow();
        if (!timezone.equals(venue.timezone()) && events.venueInUse(id)) {
            throw new VenueInUse("Events take place at this venue in its time zone, so the time zone cannot change.");
        }
        var updated = new Venue(id, venue.organization(), change.name() == null ? venue.name() : change.name().strip(),
                change.address() == null ? venue.address() : change.address().strip(), timezone,
                change.capacity() == null ? venue.capacity() : change.capacity(), venue.createdAt(), clock.instant());
        var plan = venues.plan(id);
        if (plan.seatCount() > updated.capacity()) {
            throw new InvalidVenue("capacity", "the seating plan has " + plan.seatCount() + " seats");
        }
        venues.update(updated);
        if (!updated.place().equals(venue.place())) {
            events.updatePlace(id, updated.place());
        }
        audit.record("CATALOG_VENUE_UPDATED", Permissions.auditActor(actor), id.toString(),
                Map.of("name", updated.name()));
        return new VenueLayout(updated, plan);
    }

    /** @throws VenueInUse events take place there */
    @Transactional
    public void delete(CurrentUser actor, VenueId id) {
        var venue = managed(actor, venues.lock(id.value()));
        if (events.venueInUse(id)) {
            throw new VenueInUse("Events take place at this venue, so it cannot be deleted.");
        }
        venues.delete(id);
        audit.record("CATALOG_VENUE_DELETED", Permissions.auditActor(actor), id.toString(),
                Map.of("name", venue.name()));
    }

    /** Replaces the whole plan (an empty description removes it). @throws SectionInUse ticket types sell it */
    @Transactional
    public VenueLayout replacePlan(CurrentUser actor, VenueId id, PlanDescription description) {
        return edit(actor, id, "plan replaced", plan -> {
            var current = plan.sections().stream().map(SeatingPlan.Section::id).toList();
            if (!current.isEmpty() && ticketTypes.anyBound(current)) {
                throw new SectionInUse();
            }
            venues.deleteSections(id);
            venues.insertSections(id, description.expand(1, Set.of()));
        });
    }

    @Transactional
    public VenueLayout addSection(CurrentUser actor, VenueId id, PlanDescription.SectionDescription section) {
        return edit(actor, id, "section added", plan -> {
            var problems = new ArrayList<FieldProblem>();
            var names = plan.sections().stream().map(s -> s.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(HashSet::new));
            if (section != null && section.name() != null && names.contains(section.name().strip().toLowerCase(Locale.ROOT))) {
                throw new NameTaken("name", "This venue already has a section named '" + section.name().strip() + "'.");
            }
            var position = plan.sections().stream().mapToInt(SeatingPlan.Section::position).max().orElse(0) + 1;
            var expanded = PlanDescription.expand(section, "section", position, names, problems);
            if (!problems.isEmpty()) {
                throw new InvalidSeatingPlan(problems);
            }
            venues.insertSections(id, List.of(expanded));
        });
    }

    @Transactional
    public VenueLayout renameSection(CurrentUser actor, VenueId id, UUID sectionId, String name) {
        return edit(actor, id, "section renamed", plan -> {
            var section = section(plan, sectionId);
            var problems = new ArrayList<FieldProblem>();
            var stripped = PlanDescription.sectionName(name, "name", problems);
            if (!problems.isEmpty()) {
                throw new InvalidSeatingPlan(problems);
            }
            if (plan.sections().stream().anyMatch(s -> !s.id().equals(section.id()) && s.name().equalsIgnoreCase(stripped))) {
                throw new NameTaken("name", "This venue already has a section named '" + stripped + "'.");
            }
            venues.renameSection(sectionId, stripped);
        });
    }

    /** @throws SectionInUse a ticket type sells it */
    @Transactional
    public VenueLayout removeSection(CurrentUser actor, VenueId id, UUID sectionId) {
        return edit(actor, id, "section removed", plan -> {
            section(plan, sectionId);
            if (ticketTypes.anyBound(List.of(sectionId))) {
                throw new SectionInUse();
            }
            venues.deleteSection(sectionId);
        });
    }

    @Transactional
    public VenueLayout addRow(CurrentUser actor, VenueId id, UUID sectionId, RowAddition row) {
        return edit(actor, id, "row added", plan -> {
            var section = section(plan, sectionId);
            var problems = new ArrayList<FieldProblem>();
            var label = PlanDescription.rowLabel(row.label(), "label", problems);
            if (row.seats() == null || row.seats() < 1 || row.seats() > PlanDescription.MAX_SEATS_PER_ROW) {
                problems.add(new FieldProblem("seats", "must be 1–" + PlanDescription.MAX_SEATS_PER_ROW));
            }
            var accessible = row.accessibleSeats() == null ? List.<Integer>of() : row.accessibleSeats();
            if (row.seats() != null && accessible.stream().anyMatch(n -> n == null || n < 1 || n > row.seats())) {
                problems.add(new FieldProblem("accessibleSeats", "must be seat numbers 1–" + row.seats()));
            }
            if (section.rows().size() >= PlanDescription.MAX_ROWS) {
                problems.add(new FieldProblem("label", "a section has at most " + PlanDescription.MAX_ROWS + " rows"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidSeatingPlan(problems);
            }
            requireUniqueLabel(section, null, label);
            var position = section.rows().stream().mapToInt(SeatingPlan.Row::position).max().orElse(0) + 1;
            venues.insertRows(sectionId, List.of(PlanDescription.row(label, position, 1, row.seats(), Set.copyOf(accessible))));
        });
    }

    @Transactional
    public VenueLayout renameRow(CurrentUser actor, VenueId id, UUID rowId, String label) {
        return edit(actor, id, "row renamed", plan -> {
            var section = sectionOfRow(plan, rowId);
            var problems = new ArrayList<FieldProblem>();
            var stripped = PlanDescription.rowLabel(label, "label", problems);
            if (!problems.isEmpty()) {
                throw new InvalidSeatingPlan(problems);
            }
            requireUniqueLabel(section, rowId, stripped);
            venues.renameRow(rowId, stripped);
        });
    }

    /** Removing a section's last row is refused: remove the section. */
    @Transactional
    public VenueLayout removeRow(CurrentUser actor, VenueId id, UUID rowId) {
        return edit(actor, id, "row removed", plan -> {
            sectionOfRow(plan, rowId);
            venues.deleteRow(rowId);
        });
    }

    /** Adds seats at the end of a row, numbered on from its last. */
    @Transactional
    public VenueLayout addSeats(CurrentUser actor, VenueId id, UUID rowId, Integer count, boolean accessible) {
        return edit(actor, id, "seats added", plan -> {
            var row = sectionOfRow(plan, rowId).rows().stream().filter(r -> r.id().equals(rowId)).findFirst()
                    .orElseThrow(RowNotFound::new);
            if (count == null || count < 1 || row.seats().size() + count > PlanDescription.MAX_SEATS_PER_ROW) {
                throw new InvalidSeatingPlan("count", "must be 1 or more, up to " + PlanDescription.MAX_SEATS_PER_ROW
                        + " seats in the row");
            }
            var first = row.seats().stream().mapToInt(SeatingPlan.Seat::number).max().orElse(0) + 1;
            var added = PlanDescription.row(row.label(), row.position(), first, count,
                    accessible ? numbers(first, count) : Set.of());
            venues.insertSeats(rowId, added.seats());
        });
    }

    /** Changes a seat's label and/or accessible flag ({@code null} keeps it). */
    @Transactional
    public VenueLayout changeSeat(CurrentUser actor, VenueId id, UUID seatId, String label, Boolean accessible) {
        return edit(actor, id, "seat changed", plan -> {
            var seat = seat(plan, seatId);
            var problems = new ArrayList<FieldProblem>();
            var newLabel = label == null ? seat.label() : PlanDescription.rowLabel(label, "label", problems);
            if (!problems.isEmpty()) {
                throw new InvalidSeatingPlan(problems);
            }
            venues.changeSeat(seatId, newLabel, accessible == null ? seat.accessible() : accessible);
        });
    }

    /** Removing a row's last seat is refused: remove the row. */
    @Transactional
    public VenueLayout removeSeat(CurrentUser actor, VenueId id, UUID seatId) {
        return edit(actor, id, "seat removed", plan -> {
            seat(plan, seatId);
            venues.deleteSeat(seatId);
        });
    }

    @FunctionalInterface
    private interface PlanEdit {
        void apply(SeatingPlan plan);
    }

    private VenueLayout edit(CurrentUser actor, VenueId id, String change, PlanEdit edit) {
        var venue = managed(actor, venues.lock(id.value()));
        edit.apply(venues.plan(id));
        var plan = venues.plan(id);
        var problems = new ArrayList<FieldProblem>();
        plan.sections().forEach(section -> {
            if (section.rows().isEmpty()) {
                problems.add(new FieldProblem("rows", "section '" + section.name() + "' would have no rows; "
                        + "remove the section instead"));
            }
            section.rows().stream().filter(row -> row.seats().isEmpty()).forEach(row -> problems.add(new FieldProblem(
                    "seats", "row '" + row.label() + "' of section '" + section.name() + "' would have no seats; "
                            + "remove the row instead")));
        });
        if (!problems.isEmpty()) {
            throw new InvalidSeatingPlan(problems);
        }
        requireWithinCapacity(venue, plan);
        var now = clock.instant();
        for (var type : ticketTypes.seatedAtVenue(id)) {
            var seats = (int) plan.seatsOf(new HashSet<>(type.sections())).count();
            if (seats != type.capacity()) {
                ticketTypes.updateCapacity(type.id(), seats, now);
            }
            sales.stock(type.withCapacity(seats), plan);
        }
        audit.record("CATALOG_SEATING_PLAN_CHANGED", Permissions.auditActor(actor), id.toString(),
                Map.of("change", change, "seats", plan.seatCount()));
        return new VenueLayout(venue, plan);
    }

    private Venue managed(CurrentUser actor, Optional<Venue> found) {
        var venue = found.orElseThrow(VenueNotFound::new);
        if (!permissions.canManage(actor, venue.organization())) {
            throw new VenueNotFound();
        }
        return venue;
    }

    private static void requireWithinCapacity(Venue venue, SeatingPlan plan) {
        if (plan.seatCount() > venue.capacity()) {
            throw new InvalidSeatingPlan("sections", "the plan has " + plan.seatCount()
                    + " seats, more than the venue's capacity of " + venue.capacity());
        }
        if (plan.seatCount() > PlanDescription.MAX_SEATS) {
            throw new InvalidSeatingPlan("sections", "a plan has at most " + PlanDescription.MAX_SEATS + " seats");
        }
    }

    private static void requireUniqueLabel(SeatingPlan.Section section, UUID except, String label) {
        if (section.rows().stream().anyMatch(r -> !r.id().equals(except) && r.label().equalsIgnoreCase(label))) {
            throw new NameTaken("label", "Section '" + section.name() + "' already has a row '" + label + "'.");
        }
    }

    private static SeatingPlan.Section section(SeatingPlan plan, UUID id) {
        return plan.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(SectionNotFound::new);
    }

    private static SeatingPlan.Section sectionOfRow(SeatingPlan plan, UUID rowId) {
        return plan.sections().stream().filter(s -> s.rows().stream().anyMatch(r -> r.id().equals(rowId)))
                .findFirst().orElseThrow(RowNotFound::new);
    }

    private static SeatingPlan.Seat seat(SeatingPlan plan, UUID seatId) {
        return plan.sections().stream().flatMap(s -> s.rows().stream()).flatMap(r -> r.seats().stream())
                .filter(seat -> seat.id().equals(seatId)).findFirst().orElseThrow(SeatNotFound::new);
    }

    private static Set<Integer> numbers(int first, int count) {
        var numbers = new HashSet<Integer>();
        for (int n = first; n < first + count; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
