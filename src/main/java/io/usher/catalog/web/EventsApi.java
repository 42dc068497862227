package io.usher.catalog.web;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.catalog.EventCategory;
import io.usher.catalog.EventStatus;
import io.usher.catalog.InvalidEvent;
import io.usher.catalog.InvalidEventQuery;
import io.usher.catalog.internal.EventDetails;
import io.usher.catalog.internal.EventLifecycle;
import io.usher.catalog.internal.EventManagement;
import io.usher.catalog.internal.EventQueries;
import io.usher.catalog.internal.EventSearch;
import io.usher.common.EventId;
import io.usher.identity.AccessRules;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.platform.web.ApiProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events", description = "The storefront's events (public) and organizers' event management")
class EventsApi {

    private final EventManagement management;
    private final EventLifecycle lifecycle;
    private final EventQueries queries;
    private final JsonMapper json;

    EventsApi(EventManagement management, EventLifecycle lifecycle, EventQueries queries, JsonMapper json) {
        this.management = management;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.json = json;
    }

    /** A new event: the organization it belongs to, and its details. */
    record NewEvent(UUID organizationId, String title, String description, EventCategory category, UUID venueId,
            String location, String timezone, LocalDateTime startsAt, LocalDateTime endsAt, String imageUrl,
            Integer holdDurationMinutes, Integer maxTicketsPerBuyer, Integer taxRateBasisPoints,
            Integer refundDaysBefore) {

        EventDetails details() {
            return new EventDetails(title, description, category, venueId, location, timezone, startsAt, endsAt,
                    imageUrl, holdDurationMinutes, maxTicketsPerBuyer, taxRateBasisPoints,
                    refundDaysBefore);
        }
    }

    /** The new schedule, local to the event's time zone. */
    record NewSchedule(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    @GetMapping("/events")
    @SecurityRequirements
    @Operation(summary = "Published and postponed events matching every given filter, one page at a time")
    @ApiProblem(status = 400, codes = "catalog.invalid_query",
            description = "A malformed from/to (instants or dates), category, sort, q, page or size (1–100).")
    CatalogViews.EventPageView browse(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean availableOnly,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return CatalogViews.EventPageView.of(queries.browse(new EventSearch(from, to, category, q, availableOnly,
                sort, page, size)));
    }

    @GetMapping("/events/{id}")
    @SecurityRequirements
    @Operation(summary = "One event with its ticket types, venue and (for seated events) its seat map")
    @ApiProblem(status = 404, codes = "catalog.event_not_found", description = "No such event, or a draft.")
    CatalogViews.EventView get(@PathVariable UUID id) {
        return CatalogViews.EventView.of(queries.listing(CurrentUser.find().orElse(null), new EventId(id)));
    }

    @GetMapping("/organizer/events")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Events of my organizations (or of one), drafts included")
    @ApiProblem(status = 400, codes = "catalog.invalid_query")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_organization"})
    CatalogViews.EventPageView organized(@RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return CatalogViews.EventPageView.of(queries.organized(CurrentUser.require(),
                organizationId == null ? null : new OrganizationId(organizationId), status(status), page, size));
    }

    @PostMapping("/events")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Create a draft event (organizers of the organization, administrators)")
    @ApiProblem(status = 400, codes = "catalog.invalid_event",
            description = "Lists each invalid field: title 3–200, description ≤ 10,000, exactly one of venueId and "
                    + "location (+ timezone), endsAt after startsAt, https imageUrl, hold 1–120 min, ≤ 20 per buyer, "
                    + "refundDaysBefore 0–365.")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_organization"})
    ResponseEntity<CatalogViews.EventView> create(@RequestBody NewEvent body) {
        if (body.organizationId() == null) {
            throw new InvalidEvent("organizationId", "must not be null");
        }
        var actor = CurrentUser.require();
        var event = management.create(actor, new OrganizationId(body.organizationId()), body.details());
        return ResponseEntity.created(URI.create("/api/v1/events/" + event.id()))
                .body(CatalogViews.EventView.of(queries.listing(actor, event.id())));
    }

    @PutMapping("/events/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Replace an event's details; once published, dates change only by postponing")
    @ApiProblem(status = 400, codes = "catalog.invalid_event")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = {"catalog.schedule_locked", "catalog.venue_locked", "catalog.event_closed",
            "catalog.concurrent_change"})
    CatalogViews.EventView replace(@PathVariable UUID id, @RequestBody EventDetails body) {
        var actor = CurrentUser.require();
        management.update(actor, new EventId(id), current -> body);
        return CatalogViews.EventView.of(queries.listing(actor, new EventId(id)));
    }

    @PatchMapping(path = "/events/{id}", consumes = {"application/json", "application/merge-patch+json"})
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Change some of an event's details (JSON merge patch: null removes an optional field)")
    @ApiProblem(status = 400, codes = "catalog.invalid_event")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = {"catalog.schedule_locked", "catalog.venue_locked", "catalog.event_closed",
            "catalog.concurrent_change"})
    CatalogViews.EventView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidEvent("body", "must be a JSON object");
        }
        var actor = CurrentUser.require();
        management.update(actor, new EventId(id), current -> merged(current, patch));
        return CatalogViews.EventView.of(queries.listing(actor, new EventId(id)));
    }

    @DeleteMapping("/events/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Delete a draft with its ticket types")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = "catalog.not_a_draft")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        management.delete(CurrentUser.require(), new EventId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/events/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Publish a draft: it goes on sale")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = {"catalog.illegal_transition", "catalog.no_ticket_types"},
            description = "Not a draft (the problem lists the allowed statuses), or no ticket types yet.")
    CatalogViews.EventView publish(@PathVariable UUID id) {
        var actor = CurrentUser.require();
        lifecycle.publish(actor, new EventId(id));
        return CatalogViews.EventView.of(queries.listing(actor, new EventId(id)));
    }

    @PostMapping("/events/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Cancel a published or postponed event: it stops selling for good")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = "catalog.illegal_transition")
    CatalogViews.EventView cancel(@PathVariable UUID id) {
        var actor = CurrentUser.require();
        lifecycle.cancel(actor, new EventId(id));
        return CatalogViews.EventView.of(queries.listing(actor, new EventId(id)));
    }

    @PostMapping("/events/{id}/postpone")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Move a published or postponed event to a new schedule (local to its time zone)")
    @ApiProblem(status = 400, codes = "catalog.invalid_event")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = "catalog.illegal_transition")
    CatalogViews.EventView postpone(@PathVariable UUID id, @RequestBody NewSchedule body) {
        var actor = CurrentUser.require();
        lifecycle.postpone(actor, new EventId(id), body.startsAt(), body.endsAt());
        return CatalogViews.EventView.of(queries.listing(actor, new EventId(id)));
    }

    @PostMapping("/events/{id}/complete")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    @Operation(summary = "Mark an event that has ended as completed")
    @ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
    @ApiProblem(status = 403, codes = {"identity.forbidden", "catalog.not_your_event"})
    @ApiProblem(status = 404, codes = "catalog.event_not_found")
    @ApiProblem(status = 409, codes = {"catalog.illegal_transition", "catalog.event_not_ended"})
    CatalogViews.EventView complete(@PathVariable UUID id) {
        var actor = CurrentUser.require();
        lifecycle.complete(actor, new EventId(id));
        return CatalogViews.EventView.of(queries.listing(actor, new EventId(id)));
    }

    /** RFC 7396: the patch's members replace the current ones, {@code null} removes one. */
    private EventDetails merged(EventDetails current, JsonNode patch) {
        var merged = merge(json.valueToTree(current), patch);
        try {
            return json.treeToValue(merged, EventDetails.class);
        } catch (JacksonException e) {
            var field = e.getPath().isEmpty() ? "body" : e.getPath().getLast().getPropertyName();
            throw new InvalidEvent(field == null ? "body" : field, "unknown field, or a value of the wrong type");
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        var result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (var member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static EventStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return EventStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventQuery(java.util.List.of(new io.usher.catalog.InvalidCatalogInput.FieldProblem(
                    "status", "must be one of DRAFT, PUBLISHED, POSTPONED, CANCELLED, COMPLETED")));
        }
    }

    /** The storefront reads events before anyone signs in; drafts stay hidden by the service. */
    @Component
    static class PublicEvents implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/events", "/api/v1/events/*",
                    "/api/v1/events/*/ticket-types").permitAll();
        }
    }
}
