package io.usher.desk.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.internal.AgentViews;
import io.usher.desk.internal.ViewPage;
import io.usher.desk.internal.ViewRequest;
import io.usher.desk.internal.ViewRow;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/views")
@Tag(name = "Desk: agent views", description = "Agents' and managers' lists of their queues' tickets (administrators: "
        + "every queue), sorted by SLA due, paged by cursor")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class AgentViewsApi {

    private final AgentViews views;

    AgentViewsApi(AgentViews views) {
        this.views = views;
    }

    record Page(String view, List<Row> rows, String nextCursor, Instant at, String breachingHorizon) {

        static Page of(ViewPage page) {
            return new Page(page.view().slug(), page.rows().stream().map(Row::of).toList(), page.nextCursor(),
                    page.at(), page.horizon().toString());
        }
    }

    record Person(UUID id, String name) {
    }

    record QueueRef(UUID id, String name) {
    }

    record Row(UUID id, String number, String subject, String status, String priority, QueueRef queue,
            Person assignee, Person requester, Instant due, String dueTarget, String slaState) {

        static Row of(ViewRow r) {
            return new Row(r.id(), r.number(), r.subject(), r.status().name(), r.priority().name(),
                    new QueueRef(r.queueId(), r.queueName()),
                    r.assigneeId() == null ? null : new Person(r.assigneeId(), r.assigneeName()),
                    new Person(r.requesterId(), r.requesterName()), r.due(),
                    r.dueTarget() == null ? null : r.dueTarget().name(), r.sla().name());
        }
    }

    @GetMapping("/{view}")
    @Operation(summary = "A view: mine (open, assigned to me), unassigned (open, in my queues), breaching (running "
            + "SLA timer breached or due within usher.desk.breaching-horizon, 2 h) or all; sorted by the nearest "
            + "running SLA due time (none last), then number. Filters narrow any view; status and priority take "
            + "several values (repeated or comma-separated); q is a piece of the number or subject. Pass nextCursor "
            + "back as cursor for the next page.")
    @ApiProblem(status = 400, codes = "desk.invalid_view")
    @ApiProblem(status = 403, codes = {"identity.forbidden", "desk.not_an_agent"})
    @ApiProblem(status = 404, codes = "desk.view_not_found")
    Page view(@PathVariable String view,
            @Parameter(description = "NEW, OPEN, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, REOPENED")
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "LOW, MEDIUM, HIGH, CRITICAL") @RequestParam(required = false) List<String> priority,
            @RequestParam(required = false) String queueId, @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String categoryId, @RequestParam(required = false) String requesterId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @Parameter(description = "1–100, default 50") @RequestParam(required = false) String limit) {
        return Page.of(views.view(CurrentUser.require(), view, new ViewRequest(status, priority, queueId, assigneeId,
                categoryId, requesterId, q, cursor, limit(limit))));
    }

    /** A limit that is not a number is reported like one out of range, by the service's field check. */
    private static Integer limit(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
