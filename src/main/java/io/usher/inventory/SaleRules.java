package io.usher.inventory;

import java.time.Duration;
import java.util.Objects;

import io.usher.common.EventId;

/**
 * How an event sells: whether holds are taken at all (a published event), for how long a hold lasts, and
 * how many tickets one buyer may hold or buy.
 */
public record SaleRules(EventId event, boolean onSale, Duration holdDuration, int maxTicketsPerBuyer) {

    public SaleRules {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(holdDuration, "hold duration");
        if (holdDuration.compareTo(Duration.ofMinutes(1)) < 0 || holdDuration.compareTo(Duration.ofMinutes(120)) > 0) {
            throw new IllegalArgumentException("hold duration must be 1–120 minutes");
        }
        if (maxTicketsPerBuyer < 1 || maxTicketsPerBuyer > 20) {
            throw new IllegalArgumentException("max tickets per buyer must be 1–20");
        }
    }
}
