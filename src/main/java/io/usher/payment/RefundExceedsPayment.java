package io.usher.payment;

import java.util.Map;

import io.usher.common.Money;
import io.usher.common.UsherException;

/** 422: the refund is more than what is left to refund; {@code refundableMinor} says how much that is. */
public class RefundExceedsPayment extends UsherException {

    private final Money refundable;

    public RefundExceedsPayment(Money refundable) {
        super(422, "payment.refund_exceeds_payment",
                "At most " + refundable.minor() + " (minor units of " + refundable.currency() + ") can still be refunded.");
        this.refundable = refundable;
    }

    /** What can still be refunded. */
    public Money refundable() {
        return refundable;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("refundableMinor", refundable.minor(), "currency", refundable.currency().getCurrencyCode());
    }
}
