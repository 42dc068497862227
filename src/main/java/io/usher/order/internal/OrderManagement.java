package io.usher.order.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.identity.CurrentUser;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.Inventory;
import io.usher.order.CouponInvalid;
import io.usher.order.EventNotFound;
import io.usher.order.HoldNotActive;
import io.usher.order.HoldNotFound;
import io.usher.order.IdempotencyKeyReused;
import io.usher.order.OrderId;
import io.usher.order.OrderNotFound;
import io.usher.order.OrderNotPayable;
import io.usher.order.OrderStatus;
import io.usher.order.Orders;
import io.usher.payment.Checkout;
import io.usher.payment.PaymentRequest;
import io.usher.payment.Payments;
import io.usher.platform.web.WebProperties;

/** Places orders from holds, starts their checkout, and reads them for buyers and organizers. */
@Service
public class OrderManagement {

    private final OrderStore orders;
    private final CouponStore coupons;
    private final Inventory inventory;
    private final Catalog catalog;
    private final Payments payments;
    private final EventAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String baseUrl;

    OrderManagement(OrderStore orders, CouponStore coupons, Inventory inventory, Catalog catalog, Payments payments,
            EventAccess access, AuditTrail audit, Clock clock, TransactionTemplate tx, WebProperties web) {
        this.tx = tx;
        this.orders = orders;
        this.coupons = coupons;
        this.inventory = inventory;
        this.catalog = catalog;
        this.payments = payments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    /** What a buyer orders: a hold of theirs, who pays, optional attendee names (in line order) and a coupon. */
    public record Placement(UUID holdId, String buyerName, String buyerEmail, List<String> attendees,
            String couponCode) {
    }

    /**
     * Turns the buyer's active hold into an order waiting for payment. The same key answers with the same order.
     *
     * @throws HoldNotFound not the buyer's hold
     * @throws HoldNotActive the hold expired, was released or already has an order
     * @throws CouponInvalid the coupon code cannot be used (the reason says why)
     * @throws IdempotencyKeyReused the key came with another hold
     */
    public Order place(CurrentUser buyer, String idempotencyKey, Placement placement) {
        try {
            return tx.execute(status -> placeOnce(buyer, idempotencyKey, placement));
        } catch (HoldNotActive refused) {
            // Two requests with one key at the same instant: the loser's insert waited on the unique index until
            // the winner committed, so the winner's order is there to answer with.
            return orders.findByKey(buyer.id(), idempotencyKey)
                    .filter(order -> order.holdId().equals(placement.holdId()))
                    .orElseThrow(() -> refused);
        }
    }

    private Order placeOnce(CurrentUser buyer, String idempotencyKey, Placement placement) {
        var existing = orders.findByKey(buyer.id(), idempotencyKey);
        if (existing.isPresent()) {
            if (!existing.get().holdId().equals(placement.holdId())) {
                throw new IdempotencyKeyReused();
            }
            return existing.get();
        }
        var hold = inventory.find(new HoldId(placement.holdId()), buyer.id()).orElseThrow(HoldNotFound::new);
        var now = clock.instant();
        if (hold.status() != Hold.Status.ACTIVE || !hold.expiresAt().isAfter(now)) {
            throw new HoldNotActive();
        }
        var event = catalog.event(hold.event()).orElseThrow(EventNotFound::new);
        var lines = lines(hold, event, placement);
        var currency = event.ticketTypes().stream().filter(t -> t.id().equals(new io.usher.common.TicketTypeId(
                lines.getFirst().ticketTypeId()))).findFirst().orElseThrow().price().currency().getCurrencyCode();
        var subtotal = lines.stream().mapToLong(Order.Line::unitPrice).sum();
        var fees = lines.stream().mapToLong(Order.Line::fee).sum();
        var discount = 0L;
        Coupon coupon = null;
        if (placement.couponCode() != null && !placement.couponCode().isBlank()) {
            coupon = coupons.find(event.id(), placement.couponCode())
                    .orElseThrow(() -> new CouponInvalid("unknown", "There is no such coupon for this event."));
            discount = coupon.discount(lines, currency, now);
            if (!coupons.claimUse(coupon.id())) {
                throw new CouponInvalid("used_up", "This coupon has been used up.");
            }
        }
        var tax = tax(subtotal - discount + fees, event.taxRateBasisPoints());
        var order = new Order(new OrderId(UUID.randomUUID()), event.id(), buyer.id(), placement.holdId(),
                placement.buyerName().strip(), placement.buyerEmail().strip(), OrderStatus.PENDING_PAYMENT, currency,
                subtotal, discount, fees, tax, subtotal - discount + fees + tax, 0, coupon == null ? null : coupon.code(), null,
                hold.expiresAt(), now, lines);
        try {
            orders.insert(order, event.taxRateBasisPoints(), idempotencyKey, coupon == null ? null : coupon.id(), now);
        } catch (DuplicateKeyException e) {
            throw new HoldNotActive();
        }
        orders.record(order.id(), null, OrderStatus.PENDING_PAYMENT, buyer.id().value(), "placed", now);
        var details = new HashMap<String, Object>(Map.of("event", event.id().toString(), "total", order.total(),
                "currency", currency));
        if (coupon != null) {
            details.put("coupon", coupon.code());
        }
        audit.record("ORDER_PLACED", buyer.id().value(), order.id().toString(), details);
        return order;
    }

    /**
     * Tax on what the buyer pays before tax (tickets after the discount, plus fees), rounded half up to the minor
     * unit: 19 % of 10.05 is 1.9095, so 1.91.
     */
    static long tax(long taxable, int basisPoints) {
        return Math.addExact(Math.multiplyExact(taxable, basisPoints), 5_000) / 10_000;
    }

    /** One line per ticket: seats first, then general admission; holders are the attendees, else the buyer. */
    private static List<Order.Line> lines(Hold hold, CatalogEvent event, Placement placement) {
        var offers = event.ticketTypes().stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity()));
        var attendees = placement.attendees() == null ? List.<String>of() : placement.attendees();
        var lines = new ArrayList<Order.Line>();
        for (var seat : hold.seats()) {
            var offer = offers.get(seat.ticketType().value());
            lines.add(new Order.Line(offer.id().value(), offer.name(), seat.id().value(),
                    seat.section() + " " + seat.row() + "-" + seat.number(), holder(attendees, lines.size(), placement),
                    offer.price().minor(), offer.fee().minor()));
        }
        for (var item : hold.items()) {
            var offer = offers.get(item.ticketType().value());
            var seated = hold.seats().stream().filter(s -> s.ticketType().equals(item.ticketType())).count();
            for (var i = seated; i < item.quantity(); i++) {
                lines.add(new Order.Line(offer.id().value(), offer.name(), null, null,
                        holder(attendees, lines.size(), placement), offer.price().minor(), offer.fee().minor()));
            }
        }
        return lines;
    }

    private static String holder(List<String> attendees, int index, Placement placement) {
        var name = index < attendees.size() ? attendees.get(index) : null;
        return name == null || name.isBlank() ? placement.buyerName().strip() : name.strip();
    }

    /**
     * Gives (part of) a paid order's money back through the gateway that took it, for the event's organizers. The
     * order's status follows when the payment module announces the refund.
     *
     * @throws OrderNotFound no such order, or not the caller's event
     * @throws io.usher.order.OrderNotRefundable the order is not paid
     */
    public io.usher.payment.Refund refund(CurrentUser actor, OrderId id, long amount, String reason,
            String idempotencyKey) {
        var order = orders.find(id.value()).orElseThrow(OrderNotFound::new);
        try {
            access.managed(actor, order.event());
        } catch (EventNotFound notTheirs) {
            throw new OrderNotFound();
        }
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw new io.usher.order.OrderNotRefundable(order.status());
        }
        // not wrapped in a transaction of ours: the payment module records the refund before it asks the gateway,
        // and audits it
        return payments.refund(new io.usher.payment.PaymentId(order.paymentId()),
                new Money(amount, Currency.getInstance(order.currency())), reason, "order-" + id + "-" + idempotencyKey);
    }

    /** @throws OrderNotFound not the buyer's order */
    @Transactional(readOnly = true)
    public Order mine(CurrentUser buyer, OrderId id) {
        return orders.find(id.value()).filter(o -> o.buyer().equals(buyer.id())).orElseThrow(OrderNotFound::new);
    }

    @Transactional(readOnly = true)
    public List<Order> mine(CurrentUser buyer) {
        return orders.ofBuyer(buyer.id());
    }

    /** An event's orders for its organizers. */
    @Transactional(readOnly = true)
    public List<Order> ofEvent(CurrentUser actor, EventId event, String text, OrderStatus status, int page, int size) {
        access.managed(actor, event);
        return orders.ofEvent(event, text == null || text.isBlank() ? null : text.strip(), status, page, size);
    }

    /** For {@link io.usher.order.Orders#paidOrdersOf}. */
    @Transactional(readOnly = true)
    public List<io.usher.order.Orders.PaidOrder> paidOrdersOf(EventId event) {
        return orders.paidOf(event).stream()
                .map(o -> new io.usher.order.Orders.PaidOrder(o.id(), o.buyerEmail(), o.buyerName())).toList();
    }

    /** For {@link io.usher.order.Orders#summaryOf}. */
    @Transactional(readOnly = true)
    public Optional<Orders.OrderSummary> summaryOf(OrderId id) {
        return orders.find(id.value()).map(o -> new Orders.OrderSummary(o.id(), o.buyer(), o.event(),
                catalog.event(o.event()).map(CatalogEvent::title).orElse(null), o.status(), o.total(),
                o.currency(), o.lines().size(), o.createdAt()));
    }

    @Transactional(readOnly = true)
    public List<Order.Transition> transitions(OrderId id) {
        return orders.transitions(id);
    }
}
