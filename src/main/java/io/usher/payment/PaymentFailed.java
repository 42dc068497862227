package io.usher.payment;

import java.time.Instant;

/**
 * The checkout ended without money taken ({@code card_declined}, {@code insufficient_funds}, {@code expired} …).
 * Published once; a later verified capture of the same payment still publishes {@link PaymentSucceeded}.
 */
public record PaymentFailed(PaymentId payment, String reference, String reason, Instant at) {
}
