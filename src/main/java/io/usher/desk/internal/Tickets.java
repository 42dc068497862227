package io.usher.desk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.desk.CategoryId;
import io.usher.desk.DeskNotFound;
import io.usher.desk.DeskTicketCreated;
import io.usher.desk.DeskTicketResolved;
import io.usher.desk.IllegalTransition;
import io.usher.desk.Impact;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.Priority;
import io.usher.desk.TicketActionRefused;
import io.usher.desk.TicketId;
import io.usher.desk.TicketStatus;
import io.usher.desk.Urgency;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.UserId;

/**
 * Tickets: requesters open them, agents of the ticket's queue move them through the status matrix, and every change
 * moves the SLA timers in the same transaction. Requesters see only their own tickets, agents their queues'; anyone
 * else gets 404, as if the ticket did not exist.
 */
@Service("deskTickets")
public class Tickets {

    static final String INVALID = "desk.invalid_ticket";
    private static final int MAX_DESCRIPTION = 20_000;
    private static final int MAX_RESOLUTION = 10_000;

    private final TicketStore store;
    private final CategoryStore categories;
    private final QueueStore queues;
    private final TicketSla sla;
    private final Assignments assignments;
    private final ApplicationEventPublisher events;
    private final DeskProperties properties;
    private final Clock clock;
    private final TicketOrders orders;

    Tickets(TicketStore store, CategoryStore categories, QueueStore queues, TicketSla sla, Assignments assignments,
            ApplicationEventPublisher events, DeskProperties properties, Clock clock, TicketOrders orders) {
        this.orders = orders;
        this.store = store;
        this.categories = categories;
        this.queues = queues;
        this.sla = sla;
        this.assignments = assignments;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a ticket for the caller: numbered, routed to its category's queue, both SLA timers started. */
    @Transactional
    public TicketDetails create(CurrentUser requester, NewTicket request) {
        if (request == null) {
            throw new InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var problems = new FieldProblems(INVALID);
        var subject = problems.text("subject", request.subject(), 5, 200);
        var description = problems.text("description", request.description(), 10, MAX_DESCRIPTION);
        var impact = parse(problems, "impact", request.impact(), Impact.class);
        var urgency = parse(problems, "urgency", request.urgency(), Urgency.class);
        var explicit = parse(problems, "priority", request.priority(), Priority.class);
        Category category = null;
        Category subcategory = null;
        if (request.categoryId() == null) {
            problems.add("categoryId", "must not be null");
        } else {
            category = categories.find(request.categoryId()).orElse(null);
            if (category == null || category.isSubcategory()) {
                problems.add("categoryId", "is not a category");
                category = null;
            }
        }
        if (request.subcategoryId() != null && category != null) {
            subcategory = categories.find(request.subcategoryId()).orElse(null);
            if (subcategory == null || !category.id().equals(subcategory.parentId())) {
                problems.add("subcategoryId", "is not a subcategory of the category");
                subcategory = null;
            }
        }
        problems.throwIfAny();
        orders.check(requester, request.orderId());
        var fields = new ArrayList<>(category.fields());
        if (subcategory != null) {
            fields.addAll(subcategory.fields());
        }
        var customFields = CustomFieldValidator.validate(fields, request.customFields());
        var queueId = subcategory != null && subcategory.defaultQueueId() != null ? subcategory.defaultQueueId()
                : category.defaultQueueId();
        var queue = queues.find(queueId).orElseThrow(() -> new DeskNotFound("queue"));
        var priority = explicit != null ? explicit : properties.matrix().priorityOf(impact, urgency);

        var now = now();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        var number = "TKT-%d-%06d".formatted(year, store.nextNumber(year));
        var ticket = new Ticket(UUID.randomUUID(), number, requester.id().value(), subject, description,
                category.id(), subcategory == null ? null : subcategory.id(), queue.id(), impact, urgency, priority,
                TicketStatus.NEW, null, customFields, null, now, now, null);
        store.insert(ticket);
        orders.attach(ticket.id(), request.orderId());
        ticket = assignments.routeNew(ticket, queue, now);
        var timers = sla.start(ticket.id(), queue.calendarId(), priority, categoryIds(ticket), now);
        store.dueTimes(ticket.id(), timers.firstResponse().due(), timers.resolution().due());
        events.publishEvent(new DeskTicketCreated(new TicketId(ticket.id()), number, requester.id(), queue.id(),
                priority, now));
        return details(ticket, queue, timers, now);
    }

    /** The ticket, if the caller may see it. */
    @Transactional(readOnly = true)
    public TicketDetails get(CurrentUser caller, UUID id) {
        var ticket = store.find(id).orElseThrow(() -> new DeskNotFound("ticket"));
        var queue = queues.find(ticket.queueId()).orElseThrow(() -> new DeskNotFound("queue"));
        if (!canSee(caller, ticket, queue)) {
            throw new DeskNotFound("ticket");
        }
        return details(ticket, queue, sla.current(ticket.id(), queue.calendarId()), now());
    }

    /**
     * The id of the ticket numbered {@code number} ({@code TKT-2026-000123}, any case, spaces around ignored), if the
     * caller may see it; for pages where people name the other ticket of a link or merge by its number.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> idOf(CurrentUser caller, String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return store.findByNumber(number.strip().toUpperCase(Locale.ROOT))
                .filter(ticket -> queues.find(ticket.queueId()).map(queue -> canSee(caller, ticket, queue))
                        .orElse(false))
                .map(Ticket::id);
    }

    /**
     * Moves the ticket along the status matrix. Agents and managers of its queue (and administrators) may make any
     * allowed move; the requester may only reopen, within the reopen window after resolution.
     */
    @Transactional
    public TicketDetails changeStatus(CurrentUser caller, UUID id, TicketStatus target, String resolution) {
        var ticket = store.lock(id).orElseThrow(() -> new DeskNotFound("ticket"));
        var queue = queues.find(ticket.queueId()).orElseThrow(() -> new DeskNotFound("queue"));
        if (!canSee(caller, ticket, queue)) {
            throw new DeskNotFound("ticket");
        }
        var now = now();
        if (!works(caller, queue)) {
            if (target != TicketStatus.REOPENED) {
                throw new TicketActionRefused("desk.requester_may_only_reopen",
                        "Requesters may only reopen their tickets; the agents of the queue do the rest.");
            }
        }
        if (!ticket.status().canBecome(target)) {
            throw new IllegalTransition(ticket.status(), target);
        }
        if (!works(caller, queue) && (ticket.resolvedAt() == null
                || now.isAfter(ticket.resolvedAt().plus(properties.reopenWindow())))) {
            throw new TicketActionRefused("desk.reopen_window_passed", "A ticket can be reopened by its requester within "
                    + properties.reopenWindow().toDays() + " days of its resolution.");
        }
        String text = ticket.resolution();
        Instant resolvedAt = ticket.resolvedAt();
        if (target == TicketStatus.RESOLVED) {
            var problems = new FieldProblems(INVALID);
            text = problems.text("resolution", resolution, 1, MAX_RESOLUTION);
            problems.throwIfAny();
            resolvedAt = now;
        }
        store.changeStatus(id, target, text, resolvedAt, now);
        store.touch(id, now);
        store.recordChange(id, caller.id().value(), now, "status", ticket.status().name(), target.name());
        if (target == TicketStatus.RESOLVED) {
            store.recordChange(id, caller.id().value(), now, "resolution", ticket.resolution(), text);
        }
        var timers = sla.statusChanged(id, queue.calendarId(), target, now);
        store.dueTimes(id, timers.firstResponse().due(), timers.resolution().due());
        if (target == TicketStatus.RESOLVED) {
            events.publishEvent(new DeskTicketResolved(new TicketId(id), ticket.number(),
                    new UserId(ticket.requesterId()), now));
        }
        return get(caller, id);
    }

    /** Changes the priority (agents of the queue and administrators); the SLA timers not yet met are retargeted. */
    @Transactional
    public TicketDetails changePriority(CurrentUser caller, UUID id, Priority priority) {
        var ticket = store.lock(id).orElseThrow(() -> new DeskNotFound("ticket"));
        var queue = queues.find(ticket.queueId()).orElseThrow(() -> new DeskNotFound("queue"));
        if (!canSee(caller, ticket, queue)) {
            throw new DeskNotFound("ticket");
        }
        if (!works(caller, queue)) {
            throw new TicketActionRefused("desk.not_an_agent_of_the_queue",
                    "Only the agents and managers of the ticket's queue change its priority.");
        }
        if (priority == ticket.priority()) {
            return get(caller, id);
        }
        var now = now();
        store.changePriority(id, priority, now);
        store.recordChange(id, caller.id().value(), now, "priority", ticket.priority().name(), priority.name());
        var timers = sla.priorityChanged(id, queue.calendarId(), ticket.priority(), priority, categoryIds(ticket), now);
        store.dueTimes(id, timers.firstResponse().due(), timers.resolution().due());
        return get(caller, id);
    }

    /** Now, to the microsecond PostgreSQL keeps, so what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the caller works the queue's tickets: an agent or manager of it, or an administrator. */
    public static boolean works(CurrentUser caller, Queue queue) {
        var user = caller.id().value();
        return caller.has(Role.ADMIN) || queue.isAgent(user) || queue.isManager(user);
    }

    static boolean canSee(CurrentUser caller, Ticket ticket, Queue queue) {
        return ticket.requesterId().equals(caller.id().value()) || works(caller, queue);
    }

    private static List<CategoryId> categoryIds(Ticket ticket) {
        return Arrays.asList(ticket.subcategoryId() == null ? null : new CategoryId(ticket.subcategoryId()),
                new CategoryId(ticket.categoryId()));
    }

    private static TicketDetails details(Ticket ticket, Queue queue, TicketSla.Timers timers, Instant at) {
        var log = new ArrayList<io.usher.desk.SlaEvent>();
        timers.clocks().values().forEach(clock -> log.addAll(clock.events()));
        log.sort(Comparator.comparing(io.usher.desk.SlaEvent::at));
        return new TicketDetails(ticket, queue.name(), timers.firstResponse().stateAt(at, timers.calendar()),
                timers.resolution().stateAt(at, timers.calendar()), log, at);
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
