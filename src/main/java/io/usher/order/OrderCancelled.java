package io.usher.order;

import java.time.Instant;

import io.usher.common.EventId;
import io.usher.common.Money;

/**
 * A paid order was cancelled, by its buyer or because its event was cancelled: what was left of its payment went
 * back ({@code refundedAmount}, zero when nothing was left), its tickets are void and back on sale. Published once.
 */
public record OrderCancelled(OrderId order, EventId event, String buyerEmail, String buyerName, Money refundedAmount,
        String reason, Instant at) {
}
