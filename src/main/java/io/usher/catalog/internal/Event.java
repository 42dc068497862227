package io.usher.catalog.internal;

import java.time.Instant;
import java.util.Objects;

import io.usher.catalog.EventCategory;
import io.usher.catalog.EventClosed;
import io.usher.catalog.EventNotEnded;
import io.usher.catalog.EventStatus;
import io.usher.catalog.IllegalTransition;
import io.usher.catalog.ScheduleLocked;
import io.usher.catalog.VenueId;
import io.usher.common.EventId;
import io.usher.identity.OrganizationId;

/**
 * An event: its content, schedule and status. Changes go through methods that guard the status rules; each
 * returns the changed event.
 */
public record Event(EventId id, OrganizationId organization, Content content, EventStatus status,
        Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
    }

    /**
     * What the organizer describes, checked and resolved: the description also as sanitized HTML, the venue's
     * time zone applied, {@code place} the searchable where.
     */
    public record Content(String title, String description, String descriptionHtml, EventCategory category,
            VenueId venue, String location, String place, Schedule schedule, String imageUrl, int holdMinutes,
            int maxPerBuyer, int taxRateBasisPoints, Integer refundDaysBefore) {

        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(schedule, "schedule");
            if ((venue == null) == (location == null)) {
                throw new IllegalArgumentException("exactly one of venue and location");
            }
        }

        boolean sameSaleRules(Content other) {
            return holdMinutes == other.holdMinutes && maxPerBuyer == other.maxPerBuyer;
        }
    }

    static Event draft(OrganizationId organization, Content content, Instant now) {
        return new Event(EventId.random(), organization, content, EventStatus.DRAFT, now, now, null);
    }

    public Schedule schedule() {
        return content.schedule();
    }

    /**
     * New content. Drafts change freely; a published or postponed event keeps its venue (or that it has a
     * free-text location), time zone and dates, which only postponing moves; closed events do not change.
     */
    Event revise(Content revised, Instant now) {
        requireOpen();
        if (status != EventStatus.DRAFT && (!revised.schedule().sameAs(content.schedule())
                || !Objects.equals(revised.venue(), content.venue())
                || (revised.location() == null) != (content.location() == null))) {
            throw new ScheduleLocked();
        }
        return new Event(id, organization, revised, status, createdAt, now, publishedAt);
    }

    Event publish(Instant now) {
        return new Event(id, organization, content, moveTo(EventStatus.PUBLISHED), createdAt, now, now);
    }

    Event cancel(Instant now) {
        return new Event(id, organization, content, moveTo(EventStatus.CANCELLED), createdAt, now, publishedAt);
    }

    Event postpone(Schedule schedule, Instant now) {
        var target = moveTo(EventStatus.POSTPONED);
        var moved = new Content(content.title(), content.description(), content.descriptionHtml(),
                content.category(), content.venue(), content.location(), content.place(), schedule,
                content.imageUrl(), content.holdMinutes(), content.maxPerBuyer(), content.taxRateBasisPoints(),
                content.refundDaysBefore());
        return new Event(id, organization, moved, target, createdAt, now, publishedAt);
    }

    Event complete(Instant now) {
        var target = moveTo(EventStatus.COMPLETED);
        if (content.schedule().endsAt().isAfter(now)) {
            throw new EventNotEnded();
        }
        return new Event(id, organization, content, target, createdAt, now, publishedAt);
    }

    /** Ticket types and content change only while the event is not cancelled or completed. */
    void requireOpen() {
        if (status.closed()) {
            throw new EventClosed(status);
        }
    }

    private EventStatus moveTo(EventStatus target) {
        if (!status.canBecome(target)) {
            throw new IllegalTransition(status, target);
        }
        return target;
    }
}
