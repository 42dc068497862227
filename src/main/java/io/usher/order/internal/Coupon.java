package io.usher.order.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.usher.common.EventId;
import io.usher.order.InvalidCoupon;

/**
 * A discount code of one event. {@code PERCENT} takes {@code percent} off the eligible lines, {@code FIXED} takes
 * {@code amountMinor} (at most the eligible lines' sum). Eligible lines are those of {@code ticketTypes}, or all
 * when empty.
 *
 * @param maxUses {@code null} = unlimited
 */
public record Coupon(UUID id, EventId event, String code, Kind kind, Integer percent, Long amountMinor,
        String currency, List<UUID> ticketTypes, Integer maxUses, int uses, Instant validFrom, Instant validUntil,
        long minSubtotalMinor) {

    public enum Kind { PERCENT, FIXED }

    public Coupon {
        ticketTypes = List.copyOf(ticketTypes);
        if (code == null || code.strip().length() < 3 || code.strip().length() > 50) {
            throw new InvalidCoupon("code: 3 to 50 characters");
        }
        code = code.strip();
        if (kind == null) {
            throw new InvalidCoupon("kind: PERCENT or FIXED");
        }
        if (kind == Kind.PERCENT && (percent == null || percent < 1 || percent > 100 || amountMinor != null)) {
            throw new InvalidCoupon("percent: 1 to 100 for a PERCENT coupon, and no amountMinor");
        }
        if (kind == Kind.FIXED && (amountMinor == null || amountMinor < 1 || currency == null || percent != null)) {
            throw new InvalidCoupon("amountMinor (more than 0) and currency for a FIXED coupon, and no percent");
        }
        if (maxUses != null && (maxUses < 1 || maxUses > 10_000)) {
            throw new InvalidCoupon("maxUses: 1 to 10,000");
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new InvalidCoupon("validUntil: after validFrom");
        }
        if (minSubtotalMinor < 0) {
            throw new InvalidCoupon("minSubtotalMinor: 0 or more");
        }
    }

    /**
     * The discount on these lines, before any use is counted.
     *
     * @throws io.usher.order.CouponInvalid expired, not yet valid, below the minimum, for other tickets, used up
     */
    long discount(List<Order.Line> lines, String orderCurrency, Instant now) {
        if (validFrom != null && now.isBefore(validFrom)) {
            throw new io.usher.order.CouponInvalid("not_yet_valid", "This coupon is valid from " + validFrom + ".");
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            throw new io.usher.order.CouponInvalid("expired", "This coupon expired at " + validUntil + ".");
        }
        if (maxUses != null && uses >= maxUses) {
            throw new io.usher.order.CouponInvalid("used_up", "This coupon has been used up.");
        }
        var subtotal = lines.stream().mapToLong(Order.Line::unitPrice).sum();
        if (subtotal < minSubtotalMinor) {
            throw new io.usher.order.CouponInvalid("below_minimum",
                    "This coupon needs a subtotal of at least " + minSubtotalMinor + " (minor units).");
        }
        var eligible = lines.stream().filter(l -> ticketTypes.isEmpty() || ticketTypes.contains(l.ticketTypeId()))
                .mapToLong(Order.Line::unitPrice).sum();
        if (eligible == 0) {
            throw new io.usher.order.CouponInvalid("not_applicable", "This coupon is not valid for these tickets.");
        }
        if (kind == Kind.FIXED && !currency.equals(orderCurrency)) {
            throw new io.usher.order.CouponInvalid("currency_mismatch", "This coupon is in " + currency + ".");
        }
        // Percent discounts round half up to the minor unit: 15 % of 9.99 is 1.4985, so 1.50 off.
        return kind == Kind.PERCENT ? (eligible * percent + 50) / 100 : Math.min(amountMinor, eligible);
    }
}
