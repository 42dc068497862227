package io.usher.desk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.UsherException;
import io.usher.desk.Priority;
import io.usher.desk.TicketStatus;
import io.usher.identity.CurrentUser;

/**
 * Changes many tickets at once, each in its own transaction and by the rules of the single change (the status
 * matrix, assignees only agents of the queue, tickets the caller may not see are not found), so one refusal leaves
 * the others updated. Applied per ticket in this order: queue, assignee, priority, status.
 */
@Service
public class BulkUpdates {

    static final String INVALID = "desk.invalid_bulk_update";
    /** At most this many tickets per request. */
    public static final int MAX_TICKETS = 200;

    private final Tickets tickets;
    private final Assignments assignments;
    private final QueueMoves queues;
    private final TransactionTemplate transaction;

    BulkUpdates(Tickets tickets, Assignments assignments, QueueMoves queues, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.assignments = assignments;
        this.queues = queues;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What to change; fields left {@code null} stay as they are ({@code resolution} goes with {@code RESOLVED}). */
    public record BulkUpdate(List<UUID> ticketIds, String status, String resolution, String priority, UUID assigneeId,
            UUID queueId) {
    }

    public enum Outcome {
        UPDATED, REFUSED
    }

    /** One ticket's result: on refusal, the code and detail the single change would have answered. */
    public record Result(UUID ticketId, Outcome outcome, String code, String detail) {
    }

    public List<Result> apply(CurrentUser caller, BulkUpdate request) {
        if (request == null) {
            throw new io.usher.desk.InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var problems = new FieldProblems(INVALID);
        var ids = new LinkedHashSet<UUID>();
        if (request.ticketIds() == null || request.ticketIds().isEmpty()) {
            problems.add("ticketIds", "must list 1 to " + MAX_TICKETS + " tickets");
        } else {
            for (int i = 0; i < request.ticketIds().size(); i++) {
                if (request.ticketIds().get(i) == null) {
                    problems.add("ticketIds[" + i + "]", "must not be null");
                } else {
                    ids.add(request.ticketIds().get(i));
                }
            }
            if (ids.size() > MAX_TICKETS) {
                problems.add("ticketIds", "must list 1 to " + MAX_TICKETS + " tickets");
            }
        }
        var status = parse(problems, "status", request.status(), TicketStatus.class);
        var priority = parse(problems, "priority", request.priority(), Priority.class);
        if (problems.isEmpty() && status == null && priority == null && request.assigneeId() == null
                && request.queueId() == null) {
            problems.add("body", "must change at least one of status, priority, assigneeId, queueId");
        }
        problems.throwIfAny();
        var results = new ArrayList<Result>();
        for (var id : ids) {
            try {
                transaction.executeWithoutResult(tx -> {
                    if (request.queueId() != null) {
                        queues.move(caller, id, request.queueId());
                    }
                    if (request.assigneeId() != null) {
                        assignments.assign(caller, id, request.assigneeId());
                    }
                    if (priority != null) {
                        tickets.changePriority(caller, id, priority);
                    }
                    if (status != null && tickets.get(caller, id).ticket().status() != status) {
                        tickets.changeStatus(caller, id, status, request.resolution());
                    }
                });
                results.add(new Result(id, Outcome.UPDATED, null, null));
            } catch (UsherException e) {
                results.add(new Result(id, Outcome.REFUSED, e.code(), e.getMessage()));
            }
        }
        return results;
    }

    private static <E extends Enum<E>> E parse(FieldProblems problems, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
