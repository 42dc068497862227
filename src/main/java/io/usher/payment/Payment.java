package io.usher.payment;

import java.time.Instant;

import io.usher.common.Money;

/**
 * A payment as the payment module knows it.
 *
 * @param reference the caller's reference (an order id)
 * @param refunded how much of {@code amount} went back to the buyer so far
 * @param gateway the gateway that takes (took) it: {@code test} or {@code stripe}
 * @param gatewayReference the gateway's id of the captured payment (Stripe: the PaymentIntent), or of the
 *        checkout session while nothing is captured yet
 * @param failureReason why it failed ({@code card_declined}, {@code insufficient_funds}, {@code expired} …);
 *        {@code null} unless {@link PaymentStatus#FAILED}
 */
public record Payment(PaymentId id, String reference, Money amount, Money refunded, PaymentStatus status,
        String gateway, String gatewayReference, String failureReason, Instant createdAt, Instant updatedAt) {

    /** What can still be refunded. */
    public Money refundable() {
        return status.captured() ? new Money(amount.minor() - refunded.minor(), amount.currency())
                : new Money(0, amount.currency());
    }
}
