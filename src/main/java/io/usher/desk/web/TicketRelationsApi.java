package io.usher.desk.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.internal.BulkUpdates;
import io.usher.desk.internal.QueueMoves;
import io.usher.desk.internal.TicketMerges;
import io.usher.desk.internal.TicketRelations;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/tickets")
@Tag(name = "Desk: ticket relations", description = "Watchers, tags, links, merging duplicates, moving queues and "
        + "bulk updates")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class TicketRelationsApi {

    private final TicketRelations relations;
    private final TicketMerges merges;
    private final QueueMoves moves;
    private final BulkUpdates bulk;
    private final Tickets tickets;

    TicketRelationsApi(TicketRelations relations, TicketMerges merges, QueueMoves moves, BulkUpdates bulk,
            Tickets tickets) {
        this.relations = relations;
        this.merges = merges;
        this.moves = moves;
        this.bulk = bulk;
        this.tickets = tickets;
    }

    record WatcherRequest(UUID userId) {
    }

    record TagsRequest(List<String> tags) {
    }

    record LinkRequest(String type, UUID ticketId) {
    }

    record MergeRequest(UUID into) {
    }

    record QueueRequest(UUID queueId) {
    }

    record BulkResults(List<BulkUpdates.Result> results) {
    }

    @GetMapping("/{id}/relations")
    @Operation(summary = "The ticket's order summary, watchers, and (for agents) tags and links")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    RelationViews get(@PathVariable UUID id) {
        return RelationViews.of(relations.of(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/watchers")
    @Operation(summary = "Watch the ticket ({} for yourself) or, as an agent of its queue, add {userId}: its requester "
            + "or an agent or manager of its queue. Watchers are mailed public replies")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 422, codes = "desk.watcher_cannot_see_ticket")
    RelationViews watch(@PathVariable UUID id, @RequestBody(required = false) WatcherRequest body) {
        return RelationViews.of(relations.watch(CurrentUser.require(), id, body == null ? null : body.userId()));
    }

    @DeleteMapping("/{id}/watchers/{userId}")
    @Operation(summary = "Stop watching (your own id), or as an agent of the queue remove another watcher")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    RelationViews unwatch(@PathVariable UUID id, @PathVariable UUID userId) {
        return RelationViews.of(relations.unwatch(CurrentUser.require(), id, userId));
    }

    @PutMapping("/{id}/tags")
    @Operation(summary = "Replace the ticket's tags (agents): free text, trimmed and lower-cased, at most 20")
    @ApiProblem(status = 400, codes = "desk.invalid_tags")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 422, codes = "desk.too_many_tags")
    RelationViews tag(@PathVariable UUID id, @RequestBody TagsRequest body) {
        return RelationViews.of(relations.tag(CurrentUser.require(), id, body == null ? null : body.tags()));
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "Link to another ticket {type: DUPLICATE_OF | BLOCKS | BLOCKED_BY | RELATED, ticketId} "
            + "(agents of both queues); the other ticket shows the inverse")
    @ApiProblem(status = 400, codes = "desk.invalid_link")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 422, codes = "desk.self_link")
    RelationViews link(@PathVariable UUID id, @RequestBody LinkRequest body) {
        return RelationViews.of(relations.link(CurrentUser.require(), id, body == null ? null : body.type(),
                body == null ? null : body.ticketId()));
    }

    @DeleteMapping("/{id}/links/{type}/{otherId}")
    @Operation(summary = "Remove a link, named as this ticket shows it")
    @ApiProblem(status = 400, codes = "desk.invalid_link")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    RelationViews unlink(@PathVariable UUID id, @PathVariable String type, @PathVariable UUID otherId) {
        return RelationViews.of(relations.unlink(CurrentUser.require(), id, type, otherId));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge this duplicate {into} another ticket (agents of both queues): the conversation moves, "
            + "this ticket is linked DUPLICATE_OF and closed. Answers the ticket merged into")
    @ApiProblem(status = 400, codes = "desk.invalid_merge")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 409, codes = {"desk.merge_into_closed", "desk.illegal_transition"})
    @ApiProblem(status = 413, codes = "desk.ticket_attachments_full")
    @ApiProblem(status = 422, codes = "desk.merge_into_itself")
    TicketsApi.TicketView merge(@PathVariable UUID id, @RequestBody MergeRequest body) {
        var caller = CurrentUser.require();
        var merged = merges.merge(caller, id, body == null ? null : body.into());
        return TicketsApi.TicketView.of(merged, relations.of(caller, merged.ticket().id()));
    }

    @PostMapping("/{id}/queue")
    @Operation(summary = "Move the ticket to another queue {queueId} (agents of its queue); an assignee who is no "
            + "agent there is unassigned")
    @ApiProblem(status = 400, codes = "desk.invalid_ticket")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = {"desk.ticket_not_found", "desk.queue_not_found"})
    TicketsApi.TicketView move(@PathVariable UUID id, @RequestBody QueueRequest body) {
        var caller = CurrentUser.require();
        moves.move(caller, id, body == null ? null : body.queueId());
        return TicketsApi.TicketView.of(tickets.get(caller, id), relations.of(caller, id));
    }

    @PostMapping("/bulk")
    @Operation(summary = "Change up to 200 tickets {ticketIds, status?, resolution?, priority?, assigneeId?, queueId?}, "
            + "each on its own: per ticket UPDATED, or REFUSED with the code the single change would answer")
    @ApiProblem(status = 400, codes = "desk.invalid_bulk_update")
    BulkResults bulk(@RequestBody BulkUpdates.BulkUpdate body) {
        return new BulkResults(bulk.apply(CurrentUser.require(), body));
    }
}
