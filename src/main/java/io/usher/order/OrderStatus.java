package io.usher.order;

/**
 * Where an order stands: {@code PENDING_PAYMENT → PAID → (PARTIALLY_REFUNDED | REFUNDED)} and
 * {@code PENDING_PAYMENT → EXPIRED | FAILED}. A payment confirmed after expiry or failure still pays the order.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED, EXPIRED, FAILED
}
