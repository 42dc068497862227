package io.usher.order.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;
import io.usher.order.CouponInvalid;
import io.usher.order.HoldNotActive;
import io.usher.order.HoldNotFound;
import io.usher.order.OrderId;
import io.usher.order.OrderStatus;
import io.usher.order.internal.Order;
import io.usher.order.internal.Cancellations;
import io.usher.order.internal.OrderCheckout;
import io.usher.order.internal.OrderManagement;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Checkout from the hold page, and the order page the payment gateway sends the buyer back to. The order is paid
 * only when the gateway confirms it (webhook); this page shows what is known so far.
 */
@Controller
class OrderPages {

    private static final Locale LOCALE = Locale.UK;

    private final OrderManagement orders;
    private final OrderCheckout checkout;
    private final Cancellations cancellations;
    private final Catalog catalog;

    OrderPages(OrderManagement orders, OrderCheckout checkout, Cancellations cancellations, Catalog catalog) {
        this.orders = orders;
        this.checkout = checkout;
        this.cancellations = cancellations;
        this.catalog = catalog;
    }

    /** The buyer cancels from the order page; a refusal comes back to it as a message. */
    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason) {
        var buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return signIn("/orders/" + id);
        }
        try {
            cancellations.cancel(buyer.get(), new OrderId(id), reason.length() > 500 ? reason.substring(0, 500) : reason);
            return "redirect:/orders/" + id;
        } catch (io.usher.order.OrderNotFound e) {
            throw e;
        } catch (UsherException e) {
            return "redirect:/orders/" + id + "?error=" + e.code();
        }
    }

    /** One line of the order page. */
    record LineView(String ticket, String seat, String holder, String price) {
    }

    /**
     * Turns the buyer's hold into an order (once: the key is the hold's) and sends the buyer to the payment page.
     * Refusals go back to the hold page with a message.
     */
    @PostMapping("/holds/{holdId}/checkout")
    String checkout(@PathVariable UUID holdId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String couponCode,
            HttpServletRequest request) {
        var buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return signIn("/holds/" + holdId);
        }
        var back = "redirect:/holds/" + holdId + "?error=";
        if (name.isBlank() || name.length() > 200 || email.isBlank() || email.length() > 254 || !email.contains("@")) {
            return back + "checkout-details";
        }
        Order order;
        try {
            order = orders.place(buyer.get(), "page-checkout-" + holdId, new OrderManagement.Placement(holdId,
                    name.strip(), email.strip(), List.of(), couponCode.isBlank() ? null : couponCode.strip()));
        } catch (CouponInvalid e) {
            return back + "coupon-invalid";
        } catch (HoldNotFound | HoldNotActive e) {
            return back + "hold-not-active";
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return "redirect:/orders/" + order.id();
        }
        try {
            return "redirect:" + checkout.checkout(buyer.get(), order.id(), request.getRemoteAddr()).redirectUrl();
        } catch (UsherException e) {
            return back + "payment-unavailable";
        }
    }

    @GetMapping("/orders/{id}")
    String show(@PathVariable UUID id, Model model) {
        var buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return signIn("/orders/" + id);
        }
        var order = orders.mine(buyer.get(), new OrderId(id));
        var currency = Currency.getInstance(order.currency());
        var event = catalog.event(order.event());
        var eligibility = cancellations.eligibility(order);
        model.addAttribute("cancellable", eligibility.allowed());
        model.addAttribute("refundDeadline", eligibility.allowed() && eligibility.deadline() != null
                ? java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", LOCALE).format(
                        eligibility.deadline().atZone(java.time.ZoneId.of(event.map(CatalogEvent::timezone)
                                .orElse("UTC"))))
                : null);
        model.addAttribute("order", order);
        model.addAttribute("title", catalog.event(order.event()).map(CatalogEvent::title).orElse("Your event"));
        model.addAttribute("lines", order.lines().stream().map(line -> new LineView(line.ticketTypeName(),
                line.seatLabel(), line.holderName(), money(line.unitPrice() + line.fee(), currency))).toList());
        model.addAttribute("subtotal", money(order.subtotal(), currency));
        model.addAttribute("discount", order.discount() == 0 ? null : money(order.discount(), currency));
        model.addAttribute("fees", order.fees() == 0 ? null : money(order.fees(), currency));
        model.addAttribute("tax", order.tax() == 0 ? null : money(order.tax(), currency));
        model.addAttribute("total", money(order.total(), currency));
        model.addAttribute("refunded", order.refunded() == 0 ? null : money(order.refunded(), currency));
        model.addAttribute("status", order.status().name());
        return "order/order";
    }

    private static String money(long minor, Currency currency) {
        var format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(currency);
        var digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    private static String signIn(String next) {
        return "redirect:/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
