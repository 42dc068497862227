package io.usher.payment;

/**
 * Where a payment stands. {@code PENDING → SUCCEEDED → PARTIALLY_REFUNDED → REFUNDED}, or
 * {@code PENDING → FAILED}. A verified capture wins over a failure ({@code FAILED → SUCCEEDED} when the gateway
 * confirms money was taken after all); nothing ever moves a captured payment back to {@code FAILED} or
 * {@code PENDING}.
 */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED;

    /** Whether the gateway has confirmed the money was taken. */
    public boolean captured() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
