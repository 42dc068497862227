package io.usher.desk.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.Priority;
import io.usher.desk.SlaEvent;
import io.usher.desk.SlaState;
import io.usher.desk.TicketStatus;
import io.usher.desk.internal.Markdown;
import io.usher.desk.internal.NewTicket;
import io.usher.desk.internal.TicketDetails;
import io.usher.desk.internal.TicketRelations;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/desk/tickets")
@Tag(name = "Desk: tickets", description = "Support tickets: requesters open and follow theirs, agents work their "
        + "queues'; others' tickets answer 404")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class TicketsApi {

    private final Tickets tickets;
    private final TicketRelations relations;

    TicketsApi(Tickets tickets, TicketRelations relations) {
        this.tickets = tickets;
        this.relations = relations;
    }

    /** The ticket with its order, watchers, tags and links as the caller may see them. */
    private TicketView view(TicketDetails details) {
        return TicketView.of(details, relations.of(CurrentUser.require(), details.ticket().id()));
    }

    record TicketView(UUID id, String number, UUID requesterId, String subject, String description,
            String descriptionHtml, UUID categoryId, UUID subcategoryId, UUID queueId, String queueName, String impact,
            String urgency, String priority, String status, String resolution, Map<String, Object> customFields,
            UUID assigneeId, Instant createdAt, Instant updatedAt, Instant resolvedAt, SlaView sla, UUID orderId,
            RelationViews.OrderView order, List<RelationViews.WatcherView> watchers, List<String> tags,
            List<RelationViews.LinkView> links) {

        /** Without relations (empty order, watchers, tags and links), for lists that do not show them. */
        static TicketView of(TicketDetails details) {
            return of(details, null);
        }

        static TicketView of(TicketDetails details, TicketRelations.Relations relations) {
            var related = RelationViews.of(relations);
            var t = details.ticket();
            return new TicketView(t.id(), t.number(), t.requesterId(), t.subject(), t.description(),
                    Markdown.toSafeHtml(t.description()), t.categoryId(), t.subcategoryId(), t.queueId(),
                    details.queueName(), t.impact() == null ? null : t.impact().name(),
                    t.urgency() == null ? null : t.urgency().name(), t.priority().name(), t.status().name(),
                    t.resolution(), t.customFields(), t.assigneeId(), t.createdAt(), t.updatedAt(), t.resolvedAt(),
                    new SlaView(details.at(), SlaTimerView.of(details.firstResponse()),
                            SlaTimerView.of(details.resolution()),
                            details.slaEvents().stream().map(SlaEventView::of).toList()),
                    related.orderId(), related.order(), related.watchers(), related.tags(), related.links());
        }
    }

    /** Both timers as of {@code at}, and the log they come from. */
    record SlaView(Instant at, SlaTimerView firstResponse, SlaTimerView resolution, List<SlaEventView> events) {
    }

    record SlaTimerView(String status, long targetMinutes, long consumedMinutes, long remainingMinutes, Instant due,
            String explanation) {

        static SlaTimerView of(SlaState state) {
            return new SlaTimerView(state.status().name(), state.targetMinutes(), state.consumedMinutes(),
                    state.remainingMinutes(), state.due(), state.explanation());
        }
    }

    record SlaEventView(String target, String type, Instant at, long consumedMinutes, long targetMinutes, Instant due,
            String reason, String explanation) {

        static SlaEventView of(SlaEvent event) {
            return new SlaEventView(event.target().name(), event.type().name(), event.at(), event.consumedMinutes(),
                    event.targetMinutes(), event.due(), event.reason(), event.explanation());
        }
    }

    record StatusChange(@NotNull TicketStatus status, String resolution) {
    }

    record PriorityChange(@NotNull Priority priority) {
    }

    @PostMapping
    @Operation(summary = "Open a ticket: {subject (5–200), description (Markdown, ≥ 10), categoryId, subcategoryId?, "
            + "impact? (MINOR…CRITICAL), urgency? (LOW…IMMEDIATE), priority?, customFields?, orderId? (your own)}")
    @ApiProblem(status = 400, codes = {"desk.invalid_ticket", "desk.invalid_custom_fields"})
    @ApiProblem(status = 422, codes = "desk.order_not_yours")
    ResponseEntity<TicketView> create(@RequestBody NewTicket body) {
        var created = tickets.create(CurrentUser.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/desk/tickets/" + created.ticket().id()))
                .body(view(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket with its SLA timers, their explanations and event log")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    TicketView get(@PathVariable UUID id) {
        return view(tickets.get(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the status along the lifecycle (RESOLVED needs a resolution); requesters may only "
            + "reopen, within 14 days of resolution")
    @ApiProblem(status = 400, codes = {"desk.invalid_ticket", "request.validation_failed"})
    @ApiProblem(status = 403, codes = {"desk.requester_may_only_reopen", "desk.reopen_window_passed"})
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 409, codes = "desk.illegal_transition")
    TicketView changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange body) {
        return view(tickets.changeStatus(CurrentUser.require(), id, body.status(), body.resolution()));
    }

    @PostMapping("/{id}/priority")
    @Operation(summary = "Change the priority (agents of the queue); SLA timers not yet met are retargeted")
    @ApiProblem(status = 400, codes = "request.validation_failed")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    TicketView changePriority(@PathVariable UUID id, @Valid @RequestBody PriorityChange body) {
        return view(tickets.changePriority(CurrentUser.require(), id, body.priority()));
    }
}
