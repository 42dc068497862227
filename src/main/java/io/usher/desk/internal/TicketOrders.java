package io.usher.desk.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.usher.desk.OrderNotYours;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserId;
import io.usher.order.OrderId;
import io.usher.order.Orders;

/**
 * The box-office order a ticket is about, asked of the order module's API (the desk never reads its tables): a
 * requester names only their own order; agents see the order's summary, the requester sees their own.
 */
@Component
class TicketOrders {

    private final Orders orders;
    private final RelationStore store;

    TicketOrders(Orders orders, RelationStore store) {
        this.orders = orders;
        this.store = store;
    }

    /** Refuses an order the requester did not place; nothing to check without one. */
    void check(CurrentUser requester, UUID order) {
        if (order != null && orders.summaryFor(new OrderId(order), requester.id()).isEmpty()) {
            throw new OrderNotYours();
        }
    }

    void attach(UUID ticket, UUID order) {
        if (order != null) {
            store.order(ticket, order);
        }
    }

    /** The summary of the ticket's order for someone who sees the ticket; {@code null} without an order. */
    Orders.OrderSummary summary(Ticket ticket, boolean agent) {
        var order = store.orderOf(ticket.id());
        if (order == null) {
            return null;
        }
        var id = new OrderId(order);
        return (agent ? orders.summaryOf(id) : orders.summaryFor(id, new UserId(ticket.requesterId()))).orElse(null);
    }
}
