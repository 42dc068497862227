package io.usher.payment;

import java.time.Instant;

import io.usher.common.Money;

/** The gateway confirmed (signed webhook or server-side retrieve) that the money was taken. Published once. */
public record PaymentSucceeded(PaymentId payment, String reference, Money amount, String gateway,
        String gatewayReference, Instant at) {
}
