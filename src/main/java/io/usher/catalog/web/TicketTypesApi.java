package io.usher.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.catalog.internal.EventQueries;
import io.usher.catalog.internal.TicketTypeDetails;
import io.usher.catalog.internal.TicketTypeManagement;
import io.usher.common.EventId;
import io.usher.common.TicketTypeId;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/events/{eventId}/ticket-types")
@Tag(name = "Ticket types", description = "What an event sells: general admission with a capacity, or seats of "
        + "sections of its venue's plan")
class TicketTypesApi {

    private final TicketTypeManagement management;
    private final EventQueries queries;

    TicketTypesApi(TicketTypeManagement management, EventQueries queries) {
        this.management = management;
        this.queries = queries;
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "An event's ticket types (drafts' only for their organizers)")
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    List<CatalogViews.TicketTypeView> list(@PathVariable UUID eventId) {
        return queries.ticketTypes(CurrentUser.find().orElse(null), new EventId(eventId)).stream()
                .map(CatalogViews.TicketTypeView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Add a ticket type; its stock is defined in inventory at once")
    @ApiProblem(status = 400, codes = "catalog.invalid_ticket_type",
            description = "Lists each invalid field: name, priceMinor ≥ 0, ISO currency, capacity (general "
                    + "admission) or sectionIds of the venue's plan (seated), sale window, 1 ≤ min ≤ max ≤ 20.")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = {"catalog.currency_mismatch", "catalog.seats_already_assigned",
            "catalog.name_taken", "catalog.event_closed", "catalog.concurrent_change"})
    ResponseEntity<CatalogViews.TicketTypeView> create(@PathVariable UUID eventId, @RequestBody TicketTypeDetails body) {
        var type = management.create(CurrentUser.require(), new EventId(eventId), body);
        return ResponseEntity.created(URI.create("/api/v1/events/" + eventId + "/ticket-types/" + type.id()))
                .body(CatalogViews.TicketTypeView.of(type));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Replace a ticket type's details; never below what is held or sold")
    @ApiProblem(status = 400, codes = "catalog.invalid_ticket_type")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = {"catalog.event_not_found", "catalog.ticket_type_not_found"})
    @ApiProblem(status = 409, codes = {"inventory.capacity_below_committed", "catalog.currency_mismatch",
            "catalog.seats_already_assigned", "catalog.name_taken", "catalog.ticket_type_kind_fixed",
            "catalog.event_closed", "catalog.concurrent_change"})
    CatalogViews.TicketTypeView replace(@PathVariable UUID eventId, @PathVariable UUID id,
            @RequestBody TicketTypeDetails body) {
        return CatalogViews.TicketTypeView.of(management.update(CurrentUser.require(), new EventId(eventId),
                new TicketTypeId(id), body));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Delete a ticket type nothing of which was ever held")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = {"catalog.event_not_found", "catalog.ticket_type_not_found"})
    @ApiProblem(status = 409, codes = {"inventory.capacity_below_committed", "catalog.last_ticket_type",
            "catalog.event_closed", "catalog.concurrent_change"})
    ResponseEntity<Void> delete(@PathVariable UUID eventId, @PathVariable UUID id) {
        management.delete(CurrentUser.require(), new EventId(eventId), new TicketTypeId(id));
        return ResponseEntity.noContent().build();
    }
}
