package io.usher.desk.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.desk.internal.Queue;
import io.usher.desk.internal.QueueDetails;
import io.usher.desk.internal.Queues;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@RequestMapping("/api/v1/desk/admin/queues")
@Tag(name = "Desk administration: queues", description = "Teams of agents in an organization that work tickets; "
        + "ADMIN only")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class QueuesAdminApi {

    private final Queues queues;

    QueuesAdminApi(Queues queues) {
        this.queues = queues;
    }

    record QueueView(UUID id, UUID organizationId, String name, UUID calendarId, String assignmentMode,
            int autoCloseHours, List<UUID> managers, List<UUID> agents, boolean reassignOnBreach) {

        static QueueView of(Queue queue) {
            return new QueueView(queue.id(), queue.organizationId(), queue.name(), queue.calendarId(),
                    queue.assignmentMode().name(), queue.autoCloseHours(), queue.managers(), queue.agents(),
                    queue.reassignOnBreach());
        }
    }

    @GetMapping
    @Operation(summary = "All queues")
    List<QueueView> list() {
        return queues.list().stream().map(QueueView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a queue: {organizationId, name, calendarId, managers, agents, assignmentMode "
            + "(ROUND_ROBIN | LEAST_LOADED), autoCloseHours (72), reassignOnBreach (false)}; managers and agents are members of the organization")
    @ApiProblem(status = 400, codes = "desk.invalid_queue")
    @ApiProblem(status = 409, codes = "desk.name_taken")
    ResponseEntity<QueueView> create(@RequestBody QueueDetails body) {
        var queue = queues.create(CurrentUser.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/desk/admin/queues/" + queue.id())).body(QueueView.of(queue));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A queue")
    @ApiProblem(status = 404, codes = "desk.queue_not_found")
    QueueView get(@PathVariable UUID id) {
        return QueueView.of(queues.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a queue's settings and members (its organization stays)")
    @ApiProblem(status = 400, codes = "desk.invalid_queue")
    @ApiProblem(status = 404, codes = "desk.queue_not_found")
    @ApiProblem(status = 409, codes = "desk.name_taken")
    QueueView replace(@PathVariable UUID id, @RequestBody QueueDetails body) {
        return QueueView.of(queues.update(CurrentUser.require(), id, body));
    }
}
