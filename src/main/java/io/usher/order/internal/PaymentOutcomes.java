package io.usher.order.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.common.UsherException;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.HoldNotActive;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.Inventory;
import io.usher.order.OrderId;
import io.usher.order.OrderPaid;
import io.usher.order.OrderRefunded;
import io.usher.order.OrderStatus;
import io.usher.payment.PaymentFailed;
import io.usher.payment.PaymentRefunded;
import io.usher.payment.PaymentSucceeded;
import io.usher.payment.Payments;

/**
 * What the payment module's outcomes do to orders. The only way an order becomes {@code PAID}.
 *
 * <p>These listeners are asynchronous transactional listeners (retried from the event publication registry like
 * {@code @ApplicationModuleListener}s) but run inventory's calls outside a transaction of their own: a refused
 * confirm must not doom the order's transaction, and a refund goes to the gateway, which no transaction should
 * wait for.
 */
@Component
class PaymentOutcomes {

    private static final List<OrderStatus> UNPAID = List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED,
            OrderStatus.FAILED);
    private static final List<OrderStatus> PAID = List.of(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED);

    private final OrderStore orders;
    private final CancellationStore cancellations;
    private final Cancellations cancelling;
    private final Inventory inventory;
    private final Payments payments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaymentOutcomes(OrderStore orders, CancellationStore cancellations, Cancellations cancelling, Inventory inventory,
            Payments payments, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.cancelling = cancelling;
        this.inventory = inventory;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Sells the order's tickets and marks it paid. A payment that arrives after the hold expired (or after the
     * order expired or failed) re-holds the same tickets; when they are gone, the payment is refunded in full.
     */
    @Async
    @TransactionalEventListener
    void on(PaymentSucceeded event) {
        var found = order(event.reference());
        if (found.isEmpty() || !UNPAID.contains(found.get().status())) {
            return;
        }
        var order = found.get();
        if (sell(order)) {
            tx.executeWithoutResult(status -> {
                var now = clock.instant();
                if (orders.transition(order.id(), UNPAID, OrderStatus.PAID, null, "payment " + event.payment()
                        + " succeeded", now)) {
                    audit.record("ORDER_PAID", null, order.id().toString(),
                            Map.of("payment", event.payment().toString(), "total", order.total()));
                    if (order.status() != OrderStatus.PENDING_PAYMENT && order.couponCode() != null
                            && !orders.recountCouponUse(order.id())) {
                        // the buyer paid the discounted price; it stands, but the organizer should know
                        audit.record("ORDER_COUPON_OVERUSED", null, order.id().toString(),
                                Map.of("coupon", order.couponCode()));
                    }
                    events.publishEvent(paid(orders.find(order.id().value()).orElseThrow(), now));
                }
            });
        } else {
            var reason = "payment arrived after the hold expired and the tickets were no longer available";
            var refund = payments.refund(event.payment(), event.amount(), reason, "order-" + order.id() + "-auto-refund");
            tx.executeWithoutResult(status -> {
                var now = clock.instant();
                if (orders.transition(order.id(), UNPAID, OrderStatus.REFUNDED, null, reason, now)) {
                    orders.refunded(order.id(), event.amount().minor());
                    orders.revertCouponUse(order.id());
                    audit.record("ORDER_AUTO_REFUNDED", null, order.id().toString(),
                            Map.of("payment", event.payment().toString(), "refund", refund.id().toString(),
                                    "amount", event.amount().minor()));
                }
            });
        }
    }

    /**
     * Settles an order with nothing to pay (a 100 % coupon, free tickets): no gateway is involved, so the order is
     * paid by the buyer's checkout itself, once its tickets are sold.
     *
     * @return false when the tickets could not be sold (the hold ended and they are gone)
     */
    boolean settleWithoutPayment(Order order, io.usher.identity.UserId buyer) {
        if (order.total() != 0 || order.status() != OrderStatus.PENDING_PAYMENT || !sell(order)) {
            return false;
        }
        tx.executeWithoutResult(status -> {
            var now = clock.instant();
            if (orders.transition(order.id(), List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.PAID, buyer.value(),
                    "nothing to pay (total 0)", now)) {
                audit.record("ORDER_PAID", buyer.value(), order.id().toString(), Map.of("total", 0));
                events.publishEvent(paid(orders.find(order.id().value()).orElseThrow(), now));
            }
        });
        return true;
    }

    /** A failed payment ends the order: its coupon use and its tickets go back. */
    @Async
    @TransactionalEventListener
    void on(PaymentFailed event) {
        var found = order(event.reference());
        if (found.isEmpty()) {
            return;
        }
        var order = found.get();
        var failed = tx.execute(status -> {
            var now = clock.instant();
            var moved = orders.transition(order.id(), List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.FAILED, null,
                    "payment failed: " + event.reason(), now);
            if (moved) {
                orders.revertCouponUse(order.id());
                audit.record("ORDER_FAILED", null, order.id().toString(), Map.of("reason", event.reason()));
            }
            return moved;
        });
        if (Boolean.TRUE.equals(failed)) {
            try {
                inventory.release(new HoldId(order.holdId()), order.buyer());
            } catch (UsherException alreadyEnded) {
                // expired or released meanwhile: its tickets are back already
            }
        }
    }

    /**
     * A refund, whoever made it: fully refunded orders announce it, so their tickets are voided. A refund made
     * while the order is being cancelled only counts; the cancellation moves the order and announces it. A full
     * refund of an order whose cancellation a failed refund left open (the gateway was down; its refund went
     * through later) finishes that cancellation: the order ends cancelled, with its tickets and coupon use back.
     */
    @Async
    @TransactionalEventListener
    void on(PaymentRefunded event) {
        order(event.reference()).ifPresent(order -> {
            var finishCancellation = Boolean.TRUE.equals(tx.execute(status -> {
                var now = clock.instant();
                orders.refunded(order.id(), event.totalRefunded().minor());
                if (cancellations.claimed(order.id())) {
                    return false;
                }
                var full = event.totalRefunded().minor() >= order.total();
                if (full && cancellations.exists(order.id())) {
                    return true;
                }
                var reason = "refunded " + event.amount().minor() + " (" + event.totalRefunded().minor()
                        + " in total)";
                if (orders.transition(order.id(), PAID, full ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED,
                        null, reason, now) && full) {
                    events.publishEvent(new OrderRefunded(order.id(), order.event(), reason, now));
                }
                return false;
            }));
            if (finishCancellation) {
                cancelling.resume(order.id());
            }
        });
    }

    /** Confirms the order's hold, or a new hold of the same tickets; false when they are gone. */
    private boolean sell(Order order) {
        var holdId = new HoldId(order.holdId());
        try {
            inventory.confirm(holdId);
            return true;
        } catch (HoldNotActive notActive) {
            if (confirmed(holdId, order)) {
                return true;
            }
        }
        var request = sameTickets(order);
        if (request.isEmpty()) {
            return false;
        }
        try {
            var again = inventory.hold(request.get());
            if (!confirmed(again.id(), order)) {
                inventory.confirm(again.id());
            }
            tx.executeWithoutResult(status -> orders.holdReplaced(order.id(), again.id().value()));
            return true;
        } catch (UsherException gone) {
            return false;
        }
    }

    private boolean confirmed(HoldId hold, Order order) {
        return inventory.find(hold, order.buyer()).map(h -> h.status() == Hold.Status.CONFIRMED).orElse(false);
    }

    /**
     * The order's tickets as one hold request: its seats, or its quantities. An order comes from one hold, and a hold
     * is either seats or quantities of general admission, so an order never mixes both; if one did, it has none.
     */
    private static Optional<HoldRequest> sameTickets(Order order) {
        var key = "order-" + order.id() + "-rehold";
        var seats = order.lines().stream().filter(l -> l.seatId() != null).map(l -> new SeatId(l.seatId())).toList();
        if (seats.size() == order.lines().size()) {
            return Optional.of(new HoldRequest.Seats(order.event(), order.buyer(), key, seats));
        }
        if (!seats.isEmpty()) {
            return Optional.empty();
        }
        var items = order.lines().stream().collect(Collectors.groupingBy(Order.Line::ticketTypeId,
                java.util.LinkedHashMap::new, Collectors.counting()));
        return Optional.of(new HoldRequest.Quantities(order.event(), order.buyer(), key, items.entrySet().stream()
                .map(e -> new HoldRequest.Item(new TicketTypeId(e.getKey()), e.getValue().intValue())).toList()));
    }

    private static OrderPaid paid(Order order, java.time.Instant at) {
        return new OrderPaid(order.id(), order.event(), order.buyer(), order.buyerName(), order.buyerEmail(),
                order.lines().stream().map(l -> new OrderPaid.PaidTicket(new TicketTypeId(l.ticketTypeId()),
                        l.ticketTypeName(), l.seatId() == null ? null : new SeatId(l.seatId()), l.seatLabel(),
                        l.holderName())).toList(), at);
    }

    private Optional<Order> order(String reference) {
        try {
            return orders.find(UUID.fromString(reference));
        } catch (IllegalArgumentException notAnOrder) {
            return Optional.empty();
        }
    }
}
