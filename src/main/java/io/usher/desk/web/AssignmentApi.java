package io.usher.desk.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.internal.AssignmentDetails;
import io.usher.desk.internal.Assignments;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/desk")
@Tag(name = "Desk: assignment", description = "Who works a ticket: round-robin on creation, assignment by hand, "
        + "accept or decline; agents' availability")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class AssignmentApi {

    private final Assignments assignments;

    AssignmentApi(Assignments assignments) {
        this.assignments = assignments;
    }

    record AssignmentView(UUID ticketId, UUID queueId, UUID assigneeId, Instant acceptedAt) {

        static AssignmentView of(AssignmentDetails details) {
            return new AssignmentView(details.ticketId(), details.queueId(), details.assigneeId(),
                    details.acceptedAt());
        }
    }

    record AssigneeChange(UUID agentId) {
    }

    record Decline(String reason) {
    }

    record Availability(@NotNull Boolean away) {
    }

    @GetMapping("/tickets/{id}/assignment")
    @Operation(summary = "The ticket's queue, assignee and when they accepted it")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    AssignmentView get(@PathVariable UUID id) {
        return AssignmentView.of(assignments.get(CurrentUser.require(), id));
    }

    @PostMapping("/tickets/{id}/assignee")
    @Operation(summary = "Assign or reassign the ticket to an agent of its queue {agentId} (agents and managers of "
            + "the queue)")
    @ApiProblem(status = 400, codes = "desk.invalid_assignment")
    @ApiProblem(status = 403, codes = "desk.not_an_agent_of_the_queue")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    @ApiProblem(status = 422, codes = "desk.not_queue_agent")
    AssignmentView assign(@PathVariable UUID id, @RequestBody AssigneeChange body) {
        return AssignmentView.of(assignments.assign(CurrentUser.require(), id, body == null ? null : body.agentId()));
    }

    @PostMapping("/tickets/{id}/accept")
    @Operation(summary = "The assignee takes the ticket on")
    @ApiProblem(status = 403, codes = "desk.not_the_assignee")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    AssignmentView accept(@PathVariable UUID id) {
        return AssignmentView.of(assignments.accept(CurrentUser.require(), id));
    }

    @PostMapping("/tickets/{id}/decline")
    @Operation(summary = "The assignee gives the ticket back to its queue {reason}; it stays unassigned")
    @ApiProblem(status = 400, codes = "desk.invalid_assignment")
    @ApiProblem(status = 403, codes = "desk.not_the_assignee")
    @ApiProblem(status = 404, codes = "desk.ticket_not_found")
    AssignmentView decline(@PathVariable UUID id, @RequestBody Decline body) {
        return AssignmentView.of(assignments.decline(CurrentUser.require(), id, body == null ? null : body.reason()));
    }

    @GetMapping("/me/availability")
    @Operation(summary = "Whether I am away (away agents get no tickets from round-robin)")
    Availability availability() {
        return new Availability(assignments.isAway(CurrentUser.require()));
    }

    @PutMapping("/me/availability")
    @Operation(summary = "Set myself away or back {away}")
    @ApiProblem(status = 400, codes = "request.validation_failed")
    Availability setAvailability(@Valid @RequestBody Availability body) {
        return new Availability(assignments.setAway(CurrentUser.require(), body.away()));
    }
}
