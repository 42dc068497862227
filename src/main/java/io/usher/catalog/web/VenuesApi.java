package io.usher.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.catalog.InvalidSeatingPlan;
import io.usher.catalog.InvalidVenue;
import io.usher.catalog.VenueId;
import io.usher.catalog.internal.PlanDescription;
import io.usher.catalog.internal.VenueDetails;
import io.usher.catalog.internal.VenueManagement;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/venues")
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
@Tag(name = "Venues", description = "Organizers' venues and their seating plans (sections, rows, seats)")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class VenuesApi {

    private final VenueManagement venues;

    VenuesApi(VenueManagement venues) {
        this.venues = venues;
    }

    /** A new venue, optionally with its seating plan in the compact form. */
    record NewVenue(UUID organizationId, String name, String address, String timezone, Integer capacity,
            PlanDescription seatingPlan) {
    }

    record NewName(String name) {
    }

    record NewLabel(String label) {
    }

    record NewSeats(Integer count, Boolean accessible) {
    }

    record SeatChange(String label, Boolean accessible) {
    }

    @GetMapping
    @Operation(summary = "The venues of my organizations, or of one of them")
    @ApiProblem(status = 403, codes = "catalog.not_your_organization")
    List<CatalogViews.VenueSummaryView> list(@RequestParam(required = false) UUID organizationId) {
        return venues.list(CurrentUser.require(), organizationId == null ? null : new OrganizationId(organizationId))
                .stream().map(CatalogViews.VenueSummaryView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a venue, optionally with a seating plan: "
            + "{\"sections\":[{\"name\":\"A\",\"rows\":{\"from\":1,\"to\":20},\"seatsPerRow\":30,\"accessibleSeats\":[1,2]}]}")
    @ApiProblem(status = 400, codes = {"catalog.invalid_venue", "catalog.invalid_seating_plan"})
    @ApiProblem(status = 403, codes = "catalog.not_your_organization")
    ResponseEntity<CatalogViews.VenueView> create(@RequestBody NewVenue body) {
        if (body.organizationId() == null) {
            throw new InvalidVenue("organizationId", "must not be null");
        }
        var layout = venues.create(CurrentUser.require(), new OrganizationId(body.organizationId()),
                new VenueDetails(body.name(), body.address(), body.timezone(), body.capacity()), body.seatingPlan());
        return ResponseEntity.created(URI.create("/api/v1/venues/" + layout.venue().id()))
                .body(CatalogViews.VenueView.of(layout));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A venue with its seating plan")
    @ApiProblem(status = 404, codes = "catalog.venue_not_found")
    CatalogViews.VenueView get(@PathVariable UUID id) {
        return CatalogViews.VenueView.of(venues.get(CurrentUser.require(), new VenueId(id)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a venue's name, address, time zone (only while no event uses it) or capacity")
    @ApiProblem(status = 400, codes = "catalog.invalid_venue")
    @ApiProblem(status = 404, codes = "catalog.venue_not_found")
    @ApiProblem(status = 409, codes = "catalog.venue_in_use")
    CatalogViews.VenueView update(@PathVariable UUID id, @RequestBody VenueDetails body) {
        return CatalogViews.VenueView.of(venues.update(CurrentUser.require(), new VenueId(id), body));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a venue no event uses")
    @ApiProblem(status = 404, codes = "catalog.venue_not_found")
    @ApiProblem(status = 409, codes = "catalog.venue_in_use")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        venues.delete(CurrentUser.require(), new VenueId(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/seating-plan")
    @Operation(summary = "Replace the whole seating plan (new ids); {\"sections\":[]} removes it")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = "catalog.venue_not_found")
    @ApiProblem(status = 409, codes = "catalog.section_in_use")
    CatalogViews.VenueView replacePlan(@PathVariable UUID id, @RequestBody PlanDescription body) {
        if (body.sections() == null) {
            throw new InvalidSeatingPlan("sections", "must not be null");
        }
        return CatalogViews.VenueView.of(venues.replacePlan(CurrentUser.require(), new VenueId(id), body));
    }

    @PostMapping("/{id}/sections")
    @Operation(summary = "Add a section at the end: {\"name\":\"C\",\"rows\":{\"from\":\"A\",\"to\":\"F\"},\"seatsPerRow\":12}")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = "catalog.venue_not_found")
    @ApiProblem(status = 409, codes = "catalog.name_taken")
    ResponseEntity<CatalogViews.VenueView> addSection(@PathVariable UUID id,
            @RequestBody PlanDescription.SectionDescription body) {
        var layout = venues.addSection(CurrentUser.require(), new VenueId(id), body);
        return ResponseEntity.status(201).body(CatalogViews.VenueView.of(layout));
    }

    @PatchMapping("/{id}/sections/{sectionId}")
    @Operation(summary = "Rename a section")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.section_not_found"})
    @ApiProblem(status = 409, codes = {"catalog.name_taken", "inventory.capacity_below_committed"})
    CatalogViews.VenueView renameSection(@PathVariable UUID id, @PathVariable UUID sectionId,
            @RequestBody NewName body) {
        return CatalogViews.VenueView.of(venues.renameSection(CurrentUser.require(), new VenueId(id), sectionId,
                body.name()));
    }

    @DeleteMapping("/{id}/sections/{sectionId}")
    @Operation(summary = "Remove a section no ticket type sells")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.section_not_found"})
    @ApiProblem(status = 409, codes = "catalog.section_in_use")
    CatalogViews.VenueView removeSection(@PathVariable UUID id, @PathVariable UUID sectionId) {
        return CatalogViews.VenueView.of(venues.removeSection(CurrentUser.require(), new VenueId(id), sectionId));
    }

    @PostMapping("/{id}/sections/{sectionId}/rows")
    @Operation(summary = "Add a row at the back of a section: {\"label\":\"21\",\"seats\":30,\"accessibleSeats\":[1]}")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.section_not_found"})
    @ApiProblem(status = 409, codes = "catalog.name_taken")
    ResponseEntity<CatalogViews.VenueView> addRow(@PathVariable UUID id, @PathVariable UUID sectionId,
            @RequestBody VenueManagement.RowAddition body) {
        var layout = venues.addRow(CurrentUser.require(), new VenueId(id), sectionId, body);
        return ResponseEntity.status(201).body(CatalogViews.VenueView.of(layout));
    }

    @PatchMapping("/{id}/rows/{rowId}")
    @Operation(summary = "Relabel a row")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.row_not_found"})
    @ApiProblem(status = 409, codes = "catalog.name_taken")
    CatalogViews.VenueView renameRow(@PathVariable UUID id, @PathVariable UUID rowId, @RequestBody NewLabel body) {
        return CatalogViews.VenueView.of(venues.renameRow(CurrentUser.require(), new VenueId(id), rowId,
                body.label()));
    }

    @DeleteMapping("/{id}/rows/{rowId}")
    @Operation(summary = "Remove a row (not a section's last); refused while a seat of it is held or sold")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.row_not_found"})
    @ApiProblem(status = 409, codes = "inventory.capacity_below_committed")
    CatalogViews.VenueView removeRow(@PathVariable UUID id, @PathVariable UUID rowId) {
        return CatalogViews.VenueView.of(venues.removeRow(CurrentUser.require(), new VenueId(id), rowId));
    }

    @PostMapping("/{id}/rows/{rowId}/seats")
    @Operation(summary = "Add seats at the end of a row: {\"count\":2,\"accessible\":false}")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.row_not_found"})
    ResponseEntity<CatalogViews.VenueView> addSeats(@PathVariable UUID id, @PathVariable UUID rowId,
            @RequestBody NewSeats body) {
        var layout = venues.addSeats(CurrentUser.require(), new VenueId(id), rowId, body.count(),
                Boolean.TRUE.equals(body.accessible()));
        return ResponseEntity.status(201).body(CatalogViews.VenueView.of(layout));
    }

    @PatchMapping("/{id}/seats/{seatId}")
    @Operation(summary = "Relabel a seat or change whether it is accessible")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.seat_not_found"})
    CatalogViews.VenueView changeSeat(@PathVariable UUID id, @PathVariable UUID seatId, @RequestBody SeatChange body) {
        return CatalogViews.VenueView.of(venues.changeSeat(CurrentUser.require(), new VenueId(id), seatId,
                body.label(), body.accessible()));
    }

    @DeleteMapping("/{id}/seats/{seatId}")
    @Operation(summary = "Remove a seat (not a row's last); refused while it is held or sold")
    @ApiProblem(status = 400, codes = "catalog.invalid_seating_plan")
    @ApiProblem(status = 404, codes = {"catalog.venue_not_found", "catalog.seat_not_found"})
    @ApiProblem(status = 409, codes = "inventory.capacity_below_committed")
    CatalogViews.VenueView removeSeat(@PathVariable UUID id, @PathVariable UUID seatId) {
        return CatalogViews.VenueView.of(venues.removeSeat(CurrentUser.require(), new VenueId(id), seatId));
    }
}
