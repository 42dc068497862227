package io.usher.payment;

import java.time.Instant;

import io.usher.common.Money;

/**
 * Money given back through the gateway that took the payment.
 *
 * @param gatewayReference the gateway's refund id; {@code null} until the gateway accepted it
 */
public record Refund(RefundId id, PaymentId payment, Money amount, String reason, Status status,
        String gatewayReference, Instant createdAt) {

    /** {@code REQUESTED} while the gateway is asked; {@code FAILED} when it refused. */
    public enum Status { REQUESTED, SUCCEEDED, FAILED }
}
