package io.usher.notification.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.catalog.EventPostponed;
import io.usher.common.Money;
import io.usher.order.OrderCancelled;
import io.usher.order.Orders;
import io.usher.platform.web.WebProperties;

/** Tells buyers what happened to their orders: a cancellation with its refund, a postponed event. */
@Component
class OrderMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK);

    private final Mailer mailer;
    private final Catalog catalog;
    private final Orders orders;
    private final String baseUrl;

    OrderMails(Mailer mailer, Catalog catalog, Orders orders, WebProperties web) {
        this.mailer = mailer;
        this.catalog = catalog;
        this.orders = orders;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        var title = catalog.event(event.event()).map(CatalogEvent::title).orElse("your event");
        mailer.send(new Mail(event.buyerEmail(), "Your order for " + title + " is cancelled", """
                Hello %s,

                your order for %s is cancelled.
                Refunded: %s (to the payment method you paid with; your bank may take a few days to show it).
                Reason: %s

                Order: %s
                """.formatted(event.buyerName(), title, money(event.refundedAmount()), event.reason(),
                baseUrl + "/orders/" + event.order())));
    }

    @ApplicationModuleListener
    void on(EventPostponed event) {
        var found = catalog.event(event.event());
        var title = found.map(CatalogEvent::title).orElse("Your event");
        var zone = ZoneId.of(found.map(CatalogEvent::timezone).orElse("UTC"));
        var when = WHEN.format(event.startsAt().atZone(zone));
        for (var order : orders.paidOrdersOf(event.event())) {
            mailer.send(new Mail(order.buyerEmail(), title + " has moved to " + when, """
                    Hello %s,

                    %s was postponed. It now starts %s (until %s).
                    Your tickets stay valid. If you cannot come on the new date, you can cancel your order for a
                    full refund of what you paid here:

                    %s
                    """.formatted(order.buyerName(), title, when, WHEN.format(event.endsAt().atZone(zone)),
                    baseUrl + "/orders/" + order.order())));
        }
    }

    private static String money(Money money) {
        var format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(money.currency());
        var digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.minor(), digits));
    }
}
