package io.usher.desk.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.DeskNotFound;
import io.usher.desk.Priority;
import io.usher.desk.SlaTarget;
import io.usher.desk.TicketActionRefused;
import io.usher.desk.TicketStatus;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.UserDirectory;
import io.usher.identity.UserId;

/**
 * The agent workspace's views of tickets: "mine", "unassigned in my queues", "breaching soon" and "all", with
 * filters, sorted by SLA due and paged by a cursor (keyset: each page starts after the last row of the one before,
 * so pages stay fast however deep and do not skip or repeat rows when tickets come and go). Agents and managers see
 * the tickets of the queues they are members of; administrators see every queue; nobody else has views.
 */
@Service
public class AgentViews {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    static final String INVALID = "desk.invalid_view";
    private static final int MAX_TEXT = 200;

    private final ViewStore store;
    private final UserDirectory directory;
    private final DeskProperties properties;
    private final Clock clock;

    AgentViews(ViewStore store, UserDirectory directory, DeskProperties properties, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    /** Something a filter can name: a queue, an agent, a category. */
    public record Choice(UUID id, String name) {
    }

    /** Whether the caller has views at all: agents, managers and administrators. */
    public static boolean mayUse(CurrentUser caller) {
        return caller.has(Role.AGENT) || caller.has(Role.MANAGER) || caller.has(Role.ADMIN);
    }

    /** The queues whose tickets the caller's views show, by name. */
    @Transactional(readOnly = true)
    public List<Choice> queues(CurrentUser caller) {
        require(caller);
        return store.visibleQueues(caller.id().value(), caller.has(Role.ADMIN)).stream()
                .map(q -> new Choice(q.id(), q.name())).toList();
    }

    /** The agents and managers of the caller's queues, by name: whom the assignee filter may name. */
    @Transactional(readOnly = true)
    public List<Choice> agents(CurrentUser caller) {
        require(caller);
        var queues = store.visibleQueues(caller.id().value(), caller.has(Role.ADMIN)).stream()
                .map(ViewStore.Named::id).toList();
        var members = store.members(queues).stream().map(UserId::new).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        return directory.findAll(members).stream().map(p -> new Choice(p.id().value(), p.displayName()))
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Categories and subcategories ("Parent › Child"), for the category filter. */
    @Transactional(readOnly = true)
    public List<Choice> categories(CurrentUser caller) {
        require(caller);
        return store.categories().stream().map(c -> new Choice(c.id(), c.name())).toList();
    }

    /**
     * One page of the view named {@code slug} ({@code mine}, {@code unassigned}, {@code breaching}, {@code all}).
     *
     * @throws DeskNotFound {@code desk.view_not_found} for another name
     * @throws io.usher.desk.InvalidDeskInput {@code desk.invalid_view} naming each bad filter
     */
    @Transactional(readOnly = true)
    public ViewPage view(CurrentUser caller, String slug, ViewRequest request) {
        require(caller);
        var view = AgentView.of(slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new DeskNotFound("view"));
        var problems = new FieldProblems(INVALID);
        var statuses = names(problems, "status", request.statuses(), TicketStatus.class);
        var priorities = names(problems, "priority", request.priorities(), Priority.class);
        var queueId = uuid(problems, "queueId", request.queueId());
        var assignee = uuid(problems, "assigneeId", request.assigneeId());
        var category = uuid(problems, "categoryId", request.categoryId());
        var requester = uuid(problems, "requesterId", request.requesterId());
        var text = request.text() == null || request.text().isBlank() ? null : request.text().strip();
        if (text != null && text.length() > MAX_TEXT) {
            problems.add("q", "must be at most " + MAX_TEXT + " characters");
        }
        var after = cursor(problems, request.cursor());
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add("limit", "must be 1 to " + MAX_LIMIT);
        }
        problems.throwIfAny();

        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var visible = store.visibleQueues(caller.id().value(), caller.has(Role.ADMIN));
        var names = new HashMap<UUID, String>();
        visible.forEach(q -> names.put(q.id(), q.name()));
        var queues = visible.stream().map(ViewStore.Named::id)
                .filter(id -> queueId == null || id.equals(queueId)).toList();
        if (queues.isEmpty()) {
            return new ViewPage(view, List.of(), null, now, properties.breachingHorizon());
        }
        var hits = store.find(new ViewQuery(view, caller.id().value(), queues,
                now.plus(properties.breachingHorizon()), statuses, priorities, assignee, category, requester,
                text == null ? null : "%" + escapeLike(text) + "%", after, limit + 1));
        String next = null;
        if (hits.size() > limit) {
            hits = hits.subList(0, limit);
            var last = hits.getLast();
            var due = last.due() == null ? "infinity" : last.due().toString();
            next = encode(new ViewQuery.Cursor(due, last.number()));
        }
        var people = people(hits);
        var rows = new ArrayList<ViewRow>(hits.size());
        for (var hit : hits) {
            rows.add(row(hit, names, people, now));
        }
        return new ViewPage(view, List.copyOf(rows), next, now, properties.breachingHorizon());
    }

    private ViewRow row(ViewStore.Hit hit, Map<UUID, String> queueNames, Map<UUID, String> people, Instant now) {
        var status = TicketStatus.valueOf(hit.status());
        SlaTarget target = null;
        if (hit.due() != null) {
            target = hit.due().equals(hit.firstResponseDue()) ? SlaTarget.FIRST_RESPONSE : SlaTarget.RESOLUTION;
        }
        ViewRow.DueState state;
        if (hit.due() == null) {
            state = status == TicketStatus.ON_HOLD ? ViewRow.DueState.PAUSED : ViewRow.DueState.NONE;
        } else if (!hit.due().isAfter(now)) {
            state = ViewRow.DueState.BREACHED;
        } else if (!hit.due().isAfter(now.plus(properties.breachingHorizon()))) {
            state = ViewRow.DueState.DUE_SOON;
        } else {
            state = ViewRow.DueState.ON_TRACK;
        }
        return new ViewRow(hit.id(), hit.number(), hit.subject(), status, Priority.valueOf(hit.priority()),
                hit.queueId(), queueNames.get(hit.queueId()), hit.assigneeId(), people.get(hit.assigneeId()),
                hit.requesterId(), people.get(hit.requesterId()), hit.due(), target, state);
    }

    /** Display names of the page's assignees and requesters, in one call. */
    private Map<UUID, String> people(List<ViewStore.Hit> hits) {
        var ids = new LinkedHashSet<UserId>();
        for (var hit : hits) {
            if (hit.assigneeId() != null) {
                ids.add(new UserId(hit.assigneeId()));
            }
            ids.add(new UserId(hit.requesterId()));
        }
        var names = new HashMap<UUID, String>();
        if (!ids.isEmpty()) {
            directory.findAll(ids).forEach(p -> names.put(p.id().value(), p.displayName()));
        }
        return names;
    }

    private static void require(CurrentUser caller) {
        if (!mayUse(caller)) {
            throw new TicketActionRefused("desk.not_an_agent", "Views are for agents, managers and administrators.");
        }
    }

    private static <E extends Enum<E>> Set<String> names(FieldProblems problems, String field, List<String> values,
            Class<E> type) {
        var names = new HashSet<String>();
        for (var value : values) {
            if (value == null) {
                continue;
            }
            for (var part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    names.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)).name());
                } catch (IllegalArgumentException e) {
                    problems.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                    return Set.of();
                }
            }
        }
        return names;
    }

    private static UUID uuid(FieldProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(field, "must be a UUID");
            return null;
        }
    }

    /** {@code \}, {@code %} and {@code _} stand for themselves in the text filter. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String encode(ViewQuery.Cursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.due() + "|" + cursor.number()).getBytes(StandardCharsets.UTF_8));
    }

    private static ViewQuery.Cursor cursor(FieldProblems problems, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            var due = text.substring(0, bar);
            var number = text.substring(bar + 1);
            if (!due.equals("infinity")) {
                Instant.parse(due);
            }
            if (number.isEmpty() || number.length() > 40) {
                throw new IllegalArgumentException("number");
            }
            return new ViewQuery.Cursor(due, number);
        } catch (RuntimeException e) {
            problems.add("cursor", "is not a cursor this API handed out");
            return null;
        }
    }
}
