/**
 * Payments: checkouts at a payment gateway, the gateway's signed webhooks, refunds, fraud rules.
 *
 * <p>API: {@link io.usher.payment.Payments} ({@code startCheckout(PaymentRequest) → Checkout(payment, redirectUrl)},
 * {@code get}, {@code findByReference}, {@code refund}, {@code verify}); values {@link io.usher.payment.Payment},
 * {@link io.usher.payment.Refund}, {@link io.usher.payment.PaymentStatus}; events
 * {@link io.usher.payment.PaymentSucceeded}, {@link io.usher.payment.PaymentFailed},
 * {@link io.usher.payment.PaymentRefunded}. A payment knows what it is for only as an opaque {@code reference}
 * (the order module's order id): the order module depends on payment, never the reverse.
 *
 * <p>A payment becomes {@code SUCCEEDED} only from a verified gateway confirmation — a webhook whose signature
 * verifies, or a server-side retrieve ({@code verify}) — never from the buyer's browser. Webhooks are
 * idempotent (each gateway event id is processed once) and safe out of order (nothing downgrades a captured
 * payment; a refund reported before the capture's own event proves the capture).
 *
 * <p>Gateways ({@code usher.payment.gateway}): the built-in {@code test} gateway, a hosted payment page inside
 * Usher ({@code /pay/test/{session}}) that confirms through signed webhooks like Stripe's, and {@code stripe}
 * (Checkout Sessions, refunds, webhook signatures with the endpoint secret). Every gateway call runs under a
 * Resilience4j circuit breaker, time limit and retry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package io.usher.payment;
