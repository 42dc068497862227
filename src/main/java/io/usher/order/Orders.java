package io.usher.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.usher.common.EventId;
import io.usher.identity.UserId;
import io.usher.order.internal.OrderManagement;

/** Read-only questions other modules may ask about orders, so none of them reads order's tables. */
@Service
public class Orders {

    private final OrderManagement management;

    Orders(OrderManagement management) {
        this.management = management;
    }

    /** A paid order's buyer, to tell them about their event. */
    public record PaidOrder(OrderId order, String buyerEmail, String buyerName) {
    }

    /** The event's orders that are paid (or partly refunded), oldest first. */
    public List<PaidOrder> paidOrdersOf(EventId event) {
        return management.paidOrdersOf(event);
    }

    /**
     * What another module may show of an order (the desk shows it on a support ticket): no buyer details, no lines.
     *
     * @param eventTitle {@code null} if the event is no longer listed
     * @param totalMinor what the order costs, in minor units of {@code currency}
     */
    public record OrderSummary(OrderId id, UserId buyer, EventId event, String eventTitle, OrderStatus status,
            long totalMinor, String currency, int lines, Instant createdAt) {
    }

    /** The order, whoever placed it (for staff who may see it, such as the agents of a ticket that names it). */
    public Optional<OrderSummary> summaryOf(OrderId order) {
        return management.summaryOf(order);
    }

    /** The order if {@code buyer} placed it; empty for someone else's order or none. */
    public Optional<OrderSummary> summaryFor(OrderId order, UserId buyer) {
        return summaryOf(order).filter(summary -> summary.buyer().equals(buyer));
    }
}
