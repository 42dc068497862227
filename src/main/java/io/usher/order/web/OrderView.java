package io.usher.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.usher.order.internal.Order;

/** An order as the API shows it; amounts in minor units of {@code currency}. */
record OrderView(UUID id, UUID eventId, String status, BuyerView buyer, String currency, List<LineView> lines,
        long subtotal, long discount, long fees, long tax, long total, long refunded, String couponCode, UUID paymentId,
        Instant expiresAt, Instant createdAt) {

    record BuyerView(String name, String email) {
    }

    record LineView(UUID ticketTypeId, String ticketTypeName, UUID seatId, String seatLabel, String holderName,
            long unitPrice, long fee) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id().value(), order.event().value(), order.status().name(),
                new BuyerView(order.buyerName(), order.buyerEmail()), order.currency(),
                order.lines().stream().map(l -> new LineView(l.ticketTypeId(), l.ticketTypeName(), l.seatId(),
                        l.seatLabel(), l.holderName(), l.unitPrice(), l.fee())).toList(),
                order.subtotal(), order.discount(), order.fees(), order.tax(), order.total(), order.refunded(), order.couponCode(),
                order.paymentId(), order.expiresAt(), order.createdAt());
    }
}
