package io.usher.payment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.usher.common.UsherException;

/**
 * 422: a fraud rule refuses this checkout. {@code rule} says which: {@code buyer_rate} (too many checkouts by
 * this buyer lately), {@code ip_rate} (from this address), {@code max_amount} (over the largest total accepted)
 * or {@code declines} (too many declined cards; blocked until {@code blockedUntil}).
 */
public class PaymentBlocked extends UsherException {

    private final String rule;
    private final Instant blockedUntil;

    public PaymentBlocked(String rule, String detail, Instant blockedUntil) {
        super(422, "payment.blocked", detail);
        this.rule = rule;
        this.blockedUntil = blockedUntil;
    }

    public String rule() {
        return rule;
    }

    @Override
    public Map<String, Object> properties() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("rule", rule);
        if (blockedUntil != null) {
            properties.put("blockedUntil", blockedUntil.toString());
        }
        return properties;
    }
}
