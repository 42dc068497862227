package io.usher.order.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.catalog.EventStatus;
import io.usher.common.Money;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.Inventory;
import io.usher.order.CancellationInProgress;
import io.usher.order.OrderCancelled;
import io.usher.order.OrderId;
import io.usher.order.OrderNotCancellable;
import io.usher.order.OrderNotFound;
import io.usher.order.OrderStatus;
import io.usher.order.RefundWindowClosed;
import io.usher.payment.GatewayRejected;
import io.usher.payment.PaymentId;
import io.usher.payment.Payments;
import io.usher.payment.Refund;
import io.usher.payment.RefundExceedsPayment;

/**
 * Cancels paid orders: refunds what is left of the payment, then, in one transaction, moves the order to
 * {@code CANCELLED}, gives its coupon use and tickets back and publishes {@link OrderCancelled}.
 *
 * <p>The refund is a network call, so no transaction spans it. A claim row (with a lease) says who is cancelling
 * an order; the refund's idempotency key is derived from the order id and the claim's attempt number, so a
 * retry after a crash asks the gateway for the same refund and is answered with it, never a second one. If the
 * refund fails the order stays as it was and the caller gets the payment module's error.
 */
@Service
public class Cancellations {

    private static final Logger log = LoggerFactory.getLogger(Cancellations.class);

    static final Duration LEASE = Duration.ofMinutes(2);
    private static final List<OrderStatus> PAID = List.of(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED);

    private final OrderStore orders;
    private final CancellationStore store;
    private final Inventory inventory;
    private final Catalog catalog;
    private final Payments payments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Cancellations(OrderStore orders, CancellationStore store, Inventory inventory, Catalog catalog, Payments payments,
            AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.inventory = inventory;
        this.catalog = catalog;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether a buyer may cancel now, and until when. {@code deadline} is null when a postponement allows it. */
    public record Eligibility(boolean allowed, Instant deadline, UsherException refusal) {
    }

    /** May the buyer cancel this order of theirs now? */
    public Eligibility eligibility(Order order) {
        if (!PAID.contains(order.status()) && !(order.status() == OrderStatus.REFUNDED && store.exists(order.id()))) {
            return refused(null, new OrderNotCancellable("status", "This order is "
                    + order.status().name().toLowerCase().replace('_', ' ') + "; only paid orders can be cancelled."));
        }
        var event = catalog.event(order.event());
        if (event.map(CatalogEvent::status).filter(s -> s == EventStatus.CANCELLED).isPresent()
                || store.postponedSincePaid(order.id(), order.event())) {
            return new Eligibility(true, null, null);
        }
        var deadline = event.flatMap(CatalogEvent::refundDeadline);
        if (deadline.isEmpty()) {
            return refused(null, new OrderNotCancellable("no_refunds",
                    "The organizer of this event does not offer refunds."));
        }
        if (!clock.instant().isBefore(deadline.get())) {
            return refused(deadline.get(), new RefundWindowClosed(deadline.get()));
        }
        return new Eligibility(true, deadline.get(), null);
    }

    private static Eligibility refused(Instant deadline, UsherException why) {
        return new Eligibility(false, deadline, why);
    }

    /**
     * The buyer cancels their paid order for a refund of what is left of it.
     *
     * @throws OrderNotFound not the buyer's order
     * @throws OrderNotCancellable not paid, or the event offers no refunds
     * @throws RefundWindowClosed past the event's refund deadline
     * @throws CancellationInProgress being cancelled right now
     * @throws UsherException the payment module's refusals ({@code payment.gateway_unavailable} …)
     */
    public Order cancel(CurrentUser buyer, OrderId id, String reason) {
        var order = orders.find(id.value()).filter(o -> o.buyer().equals(buyer.id())).orElseThrow(OrderNotFound::new);
        var eligibility = eligibility(order);
        if (!eligibility.allowed()) {
            throw eligibility.refusal();
        }
        var why = reason == null || reason.isBlank() ? "cancelled by the buyer" : reason.strip();
        var now = clock.instant();
        var claim = tx.execute(status -> store.claim(id, order.event(), CancellationStore.Origin.BUYER,
                buyer.id().value(), why, now, now.plus(LEASE))).orElseThrow(CancellationInProgress::new);
        carryOut(claim);
        return orders.find(id.value()).orElseThrow();
    }

    /**
     * Finishes a cancellation that a failed refund left open, once the money went back after all: the payment
     * module's retry got through a gateway outage, or someone refunded the rest. The order is then cancelled (not
     * merely refunded), and its tickets and coupon use go back, as the buyer or organizer asked. Nothing happens
     * when there is no open cancellation or another instance is working on it.
     */
    void resume(OrderId order) {
        var now = clock.instant();
        tx.execute(status -> store.reclaim(order, now, now.plus(LEASE))).ifPresent(claim -> {
            try {
                carryOut(claim);
            } catch (UsherException e) {
                // refund() has put the claim back: the buyer, the event's job or the next refund tries again
                log.info("Finishing the cancellation of order {} failed ({}); it stays open", order, e.code());
            }
        });
    }

    /**
     * Refunds and cancels a claimed order. Answers whether the order is now cancelled.
     *
     * @throws UsherException the refund failed; the claim is given up (to be retried) and the order unchanged
     */
    boolean carryOut(CancellationStore.Claim claim) {
        var order = orders.find(claim.order().value()).orElseThrow();
        if (order.status() == OrderStatus.CANCELLED || !(PAID.contains(order.status())
                || order.status() == OrderStatus.REFUNDED)) {
            // cancelled already, or never paid: nothing to refund or return
            tx.executeWithoutResult(status -> store.done(order.id(), clock.instant()));
            return order.status() == OrderStatus.CANCELLED;
        }
        var refunded = 0L;
        if (order.paymentId() != null) {
            var paymentId = new PaymentId(order.paymentId());
            var payment = payments.get(paymentId);
            var amount = tx.execute(status -> store.fixAmount(order.id(), payment.refundable().minor()));
            if (amount > 0) {
                refunded = refund(claim, order, paymentId, new Money(amount, payment.amount().currency()));
            }
        }
        var cancelled = finish(claim, order, refunded);
        return cancelled;
    }

    private long refund(CancellationStore.Claim claim, Order order, PaymentId payment, Money amount) {
        var reason = claim.origin() == CancellationStore.Origin.EVENT ? "The event was cancelled"
                : "Cancelled by the buyer";
        try {
            var refund = payments.refund(payment, amount, reason, "order-" + order.id() + "-cancel-" + claim.attempt());
            if (refund.status() == Refund.Status.FAILED) {
                // refused under this key before (we crashed before noting it): no money moved, the next key may
                throw new GatewayRejected("refund", "the refund was refused");
            }
            return refund.amount().minor();
        } catch (UsherException e) {
            if (e instanceof RefundExceedsPayment exceeded && exceeded.refundable().minor() == 0) {
                // refunded in full meanwhile under another key (the organizer, the gateway's dashboard): the money
                // is back, there is nothing left for this cancellation to refund
                return 0;
            }
            var refused = e instanceof GatewayRejected;
            tx.executeWithoutResult(status -> store.failed(order.id(), refused, e.code() + ": " + e.getMessage(),
                    claim.origin() == CancellationStore.Origin.EVENT ? clock.instant().plus(Duration.ofMinutes(1))
                            : null));
            throw e;
        }
    }

    private boolean finish(CancellationStore.Claim claim, Order order, long refunded) {
        var paidBack = order.paymentId() == null ? Optional.<Long>empty()
                : Optional.of(payments.get(new PaymentId(order.paymentId())).refunded().minor());
        var sold = inventory.find(new HoldId(order.holdId()), order.buyer())
                .filter(hold -> hold.status() == Hold.Status.CONFIRMED).isPresent();
        return Boolean.TRUE.equals(tx.execute(status -> {
            var now = clock.instant();
            var actor = claim.origin() == CancellationStore.Origin.BUYER ? claim.actor() : null;
            var moved = orders.transition(order.id(), List.of(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED,
                    OrderStatus.REFUNDED), OrderStatus.CANCELLED, actor, claim.reason(), now);
            if (moved) {
                paidBack.ifPresent(total -> orders.refunded(order.id(), total));
                orders.revertCouponUse(order.id());
                if (sold) {
                    // joins this transaction: the order's cancellation and its tickets' return commit together
                    inventory.returnTickets(new HoldId(order.holdId()));
                }
                var details = new java.util.HashMap<String, Object>(Map.of("origin", claim.origin().name(),
                        "refundedMinor", refunded, "reason", claim.reason()));
                audit.record("ORDER_CANCELLED", actor, order.id().toString(), details);
                events.publishEvent(new OrderCancelled(order.id(), order.event(), order.buyerEmail(),
                        order.buyerName(), new Money(refunded, Currency.getInstance(order.currency())),
                        claim.reason(), now));
            }
            store.done(order.id(), now);
            return moved;
        }));
    }
}
