package io.usher.desk.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.desk.AssignmentMode;
import io.usher.desk.DeskNotFound;
import io.usher.desk.InvalidDeskInput;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Organizations;
import io.usher.identity.UserId;

/** Queues: which team works which tickets, by which calendar. */
@Service
public class Queues {

    static final String INVALID = "desk.invalid_queue";
    private static final int MAX_MEMBERS = 500;
    private static final int DEFAULT_AUTO_CLOSE_HOURS = 72;

    private final QueueStore store;
    private final CalendarStore calendars;
    private final Organizations organizations;
    private final AuditTrail audit;
    private final Clock clock;

    Queues(QueueStore store, CalendarStore calendars, Organizations organizations, AuditTrail audit, Clock clock) {
        this.store = store;
        this.calendars = calendars;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Queue create(CurrentUser actor, QueueDetails details) {
        var queue = validate(UUID.randomUUID(), null, details);
        store.insert(queue, clock.instant());
        audit.record("DESK_QUEUE_CREATED", actor.id().value(), queue.id().toString(), Map.of("name", queue.name()));
        return queue;
    }

    @Transactional
    public Queue update(CurrentUser actor, UUID id, QueueDetails details) {
        var existing = store.lock(id).orElseThrow(() -> new DeskNotFound("queue"));
        var queue = validate(id, existing, details);
        store.update(queue, clock.instant());
        audit.record("DESK_QUEUE_UPDATED", actor.id().value(), id.toString(), Map.of("name", queue.name()));
        return queue;
    }

    @Transactional(readOnly = true)
    public Queue get(UUID id) {
        return store.find(id).orElseThrow(() -> new DeskNotFound("queue"));
    }

    @Transactional(readOnly = true)
    public List<Queue> list() {
        return store.all();
    }

    private Queue validate(UUID id, Queue existing, QueueDetails details) {
        if (details == null) {
            throw new InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var problems = new FieldProblems(INVALID);
        UUID organization = details.organizationId();
        if (existing != null) {
            if (organization != null && !organization.equals(existing.organizationId())) {
                problems.add("organizationId", "cannot change; create a queue in the other organization");
            }
            organization = existing.organizationId();
        } else if (organization == null) {
            problems.add("organizationId", "must not be null");
        } else if (!organizations.exists(new OrganizationId(organization))) {
            problems.add("organizationId", "is not an organization");
            organization = null;
        }
        var name = problems.text("name", details.name(), 1, 100);
        if (details.calendarId() == null) {
            problems.add("calendarId", "must not be null");
        } else if (calendars.find(details.calendarId()).isEmpty()) {
            problems.add("calendarId", "is not a calendar");
        }
        var mode = AssignmentMode.ROUND_ROBIN;
        if (details.assignmentMode() != null) {
            try {
                mode = AssignmentMode.valueOf(details.assignmentMode().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("assignmentMode", "must be ROUND_ROBIN or LEAST_LOADED");
            }
        }
        int hours = details.autoCloseHours() == null ? DEFAULT_AUTO_CLOSE_HOURS : details.autoCloseHours();
        if (hours < 1 || hours > 8760) {
            problems.add("autoCloseHours", "must be 1 to 8760");
        }
        var managers = members(problems, "managers", details.managers(), organization);
        var agents = members(problems, "agents", details.agents(), organization);
        problems.throwIfAny();
        return new Queue(id, organization, name, details.calendarId(), mode, hours, managers, agents,
                Boolean.TRUE.equals(details.reassignOnBreach()));
    }

    private List<UUID> members(FieldProblems problems, String field, List<UUID> users, UUID organization) {
        if (users == null) {
            return List.of();
        }
        if (users.size() > MAX_MEMBERS) {
            problems.add(field, "has at most " + MAX_MEMBERS + " people");
            return List.of();
        }
        var unique = new LinkedHashSet<UUID>();
        for (int i = 0; i < users.size(); i++) {
            var user = users.get(i);
            if (user == null) {
                problems.add(field + "[" + i + "]", "must not be null");
            } else if (!unique.add(user)) {
                problems.add(field + "[" + i + "]", "is listed twice");
            } else if (organization != null
                    && !organizations.isMember(new UserId(user), new OrganizationId(organization))) {
                problems.add(field + "[" + i + "]", "is not a member of the queue's organization");
            }
        }
        return List.copyOf(unique);
    }
}
