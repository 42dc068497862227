package io.usher.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an event is in its life: {@code DRAFT → PUBLISHED → (CANCELLED | COMPLETED)}, and {@code POSTPONED}
 * from {@code PUBLISHED} with a new schedule; a postponed event can be rescheduled again, cancelled, or
 * completed once it has taken place.
 */
public enum EventStatus {
    DRAFT, PUBLISHED, POSTPONED, CANCELLED, COMPLETED;

    /** The statuses this one may change to. */
    public Set<EventStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(POSTPONED, CANCELLED, COMPLETED);
            case POSTPONED -> EnumSet.of(POSTPONED, CANCELLED, COMPLETED);
            case CANCELLED, COMPLETED -> EnumSet.noneOf(EventStatus.class);
        };
    }

    public boolean canBecome(EventStatus target) {
        return next().contains(target);
    }

    /** Whether buyers can hold tickets (inventory's {@code onSale}). */
    public boolean onSale() {
        return this == PUBLISHED || this == POSTPONED;
    }

    /** Cancelled and completed events no longer change. */
    public boolean closed() {
        return this == CANCELLED || this == COMPLETED;
    }
}
