package io.usher.order.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.usher.common.EventId;
import io.usher.identity.UserId;
import io.usher.order.OrderId;
import io.usher.order.OrderStatus;

/**
 * An order as stored, with its lines; amounts in minor units of {@code currency}: {@code total = subtotal - discount
 * + fees + tax}.
 */
public record Order(OrderId id, EventId event, UserId buyer, UUID holdId, String buyerName, String buyerEmail,
        OrderStatus status, String currency, long subtotal, long discount, long fees, long tax, long total,
        long refunded,
        String couponCode, UUID paymentId, Instant expiresAt, Instant createdAt, List<Line> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    Order withLines(List<Line> lines) {
        return new Order(id, event, buyer, holdId, buyerName, buyerEmail, status, currency, subtotal, discount, fees, tax,
                total,
                refunded, couponCode, paymentId, expiresAt, createdAt, lines);
    }

    /** One ticket of the order. {@code seatId} and {@code seatLabel} are null for general admission. */
    public record Line(UUID ticketTypeId, String ticketTypeName, UUID seatId, String seatLabel, String holderName,
            long unitPrice, long fee) {
    }

    /** A recorded status change. {@code actor} is null when the system (a payment, the expiry job) changed it. */
    public record Transition(OrderStatus from, OrderStatus to, UUID actor, String reason, Instant at) {
    }
}
