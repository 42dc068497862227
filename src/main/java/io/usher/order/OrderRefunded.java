package io.usher.order;

import java.time.Instant;

import io.usher.common.EventId;

/** A paid order was refunded in full; its tickets are void. Published once. */
public record OrderRefunded(OrderId order, EventId event, String reason, Instant at) {
}
