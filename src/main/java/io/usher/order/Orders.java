package io.usher.order;

import java.util.List;

import org.springframework.stereotype.Service;

import io.usher.common.EventId;
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
}
