package io.usher.order.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Currency;

import org.springframework.stereotype.Service;

import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.Money;
import io.usher.identity.CurrentUser;
import io.usher.order.OrderId;
import io.usher.order.OrderNotFound;
import io.usher.order.OrderNotPayable;
import io.usher.order.OrderStatus;
import io.usher.payment.Checkout;
import io.usher.payment.PaymentRequest;
import io.usher.payment.Payments;
import io.usher.platform.web.WebProperties;

/** Checkout: from an order waiting for payment to the gateway's payment page (or straight to paid when free). */
@Service
public class OrderCheckout {

    private final OrderStore orders;
    private final Catalog catalog;
    private final Payments payments;
    private final PaymentOutcomes outcomes;
    private final Clock clock;
    private final String baseUrl;

    OrderCheckout(OrderStore orders, Catalog catalog, Payments payments, PaymentOutcomes outcomes, Clock clock,
            WebProperties web) {
        this.orders = orders;
        this.catalog = catalog;
        this.payments = payments;
        this.outcomes = outcomes;
        this.clock = clock;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    /**
     * Opens the payment of an order waiting for it; the order is paid only when the payment module confirms. An
     * order with nothing to pay is paid at once: the answer then has no payment and leads back to the order.
     *
     * @throws OrderNotFound not the buyer's order
     * @throws OrderNotPayable not waiting for payment, or expired
     */
    public Checkout checkout(CurrentUser buyer, OrderId id, String clientIp) {
        var order = orders.find(id.value()).filter(o -> o.buyer().equals(buyer.id())).orElseThrow(OrderNotFound::new);
        if (order.status() != OrderStatus.PENDING_PAYMENT || !order.expiresAt().isAfter(clock.instant())) {
            throw new OrderNotPayable(order.status() == OrderStatus.PENDING_PAYMENT ? OrderStatus.EXPIRED
                    : order.status());
        }
        var page = URI.create(baseUrl + "/orders/" + order.id());
        if (order.total() == 0) {
            if (!outcomes.settleWithoutPayment(order, buyer.id())) {
                throw new OrderNotPayable(OrderStatus.EXPIRED);
            }
            return new Checkout(null, page);
        }
        var title = catalog.event(order.event()).map(CatalogEvent::title).orElse("an event");
        var description = order.lines().size() + (order.lines().size() == 1 ? " ticket" : " tickets") + " for "
                + title;
        var checkout = payments.startCheckout(new PaymentRequest(order.id().toString(),
                new Money(order.total(), Currency.getInstance(order.currency())), order.buyerEmail(), buyer.id(),
                clientIp, description.length() > 200 ? description.substring(0, 200) : description, page, page,
                "order-" + order.id()));
        orders.paymentStarted(order.id(), checkout.payment().value());
        return checkout;
    }
}
