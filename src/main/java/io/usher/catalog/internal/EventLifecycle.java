package io.usher.catalog.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.catalog.EventCancelled;
import io.usher.catalog.EventPostponed;
import io.usher.catalog.EventPublished;
import io.usher.catalog.EventStatus;
import io.usher.catalog.IllegalTransition;
import io.usher.catalog.InvalidCatalogInput.FieldProblem;
import io.usher.catalog.InvalidEvent;
import io.usher.catalog.NoTicketTypes;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;

/**
 * Moves events through their statuses. Each move changes inventory's sale rules, the audit trail and (for
 * publish, postpone, cancel) announces itself to other modules, all in one transaction.
 */
@Service
public class EventLifecycle {

    private final EventStore events;
    private final Permissions permissions;
    private final SaleSync sales;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventLifecycle(EventStore events, Permissions permissions, SaleSync sales, AuditTrail audit,
            ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.permissions = permissions;
        this.sales = sales;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Puts a draft on sale.
     *
     * @throws IllegalTransition not a draft
     * @throws NoTicketTypes nothing to sell yet
     */
    @Transactional
    public Event publish(CurrentUser actor, EventId id) {
        var event = permissions.manageable(actor, events.lock(id));
        var published = event.publish(clock.instant());
        if (events.ticketTypeCount(id) == 0) {
            throw new NoTicketTypes();
        }
        save(actor, published, "CATALOG_EVENT_PUBLISHED", Map.of("title", published.content().title()));
        publisher.publishEvent(new EventPublished(id, published.organization(), published.schedule().startsAt(),
                published.schedule().endsAt(), published.updatedAt()));
        return published;
    }

    /** Stops selling for good. @throws IllegalTransition not published nor postponed */
    @Transactional
    public Event cancel(CurrentUser actor, EventId id) {
        var event = permissions.manageable(actor, events.lock(id));
        var cancelled = event.cancel(clock.instant());
        save(actor, cancelled, "CATALOG_EVENT_CANCELLED", Map.of("previousStatus", event.status().name()));
        publisher.publishEvent(new EventCancelled(id, cancelled.organization(), cancelled.updatedAt()));
        return cancelled;
    }

    /**
     * Moves a published (or already postponed) event to a new schedule in its time zone; it keeps selling.
     *
     * @throws IllegalTransition neither published nor postponed
     * @throws InvalidEvent the new schedule is not in the future, or ends before it starts
     */
    @Transactional
    public Event postpone(CurrentUser actor, EventId id, LocalDateTime startsAt, LocalDateTime endsAt) {
        var event = permissions.manageable(actor, events.lock(id));
        if (!event.status().canBecome(EventStatus.POSTPONED)) {
            throw new IllegalTransition(event.status(), EventStatus.POSTPONED);
        }
        var now = clock.instant();
        var problems = new ArrayList<FieldProblem>();
        var schedule = Schedule.of(event.schedule().zone(), startsAt, endsAt, problems);
        if (schedule != null && !schedule.startsAt().isAfter(now)) {
            problems.add(new FieldProblem("startsAt", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvent(problems);
        }
        var postponed = event.postpone(schedule, now);
        save(actor, postponed, "CATALOG_EVENT_POSTPONED", Map.of("previousStartsAt",
                event.schedule().startsAt().toString(), "startsAt", schedule.startsAt().toString()));
        publisher.publishEvent(new EventPostponed(id, postponed.organization(), event.schedule().startsAt(),
                schedule.startsAt(), schedule.endsAt(), now));
        return postponed;
    }

    /**
     * Closes an event that has taken place; it stops selling.
     *
     * @throws IllegalTransition neither published nor postponed
     * @throws io.usher.catalog.EventNotEnded it has not ended yet
     */
    @Transactional
    public Event complete(CurrentUser actor, EventId id) {
        var event = permissions.manageable(actor, events.lock(id));
        var completed = event.complete(clock.instant());
        save(actor, completed, "CATALOG_EVENT_COMPLETED", Map.of());
        return completed;
    }

    private void save(CurrentUser actor, Event event, String action, Map<String, Object> details) {
        events.update(event);
        sales.rules(event);
        audit.record(action, Permissions.auditActor(actor), event.id().toString(), details);
    }
}
