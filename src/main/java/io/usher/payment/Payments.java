package io.usher.payment;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.usher.common.Money;
import io.usher.payment.internal.Checkouts;
import io.usher.payment.internal.GatewayConfirmations;
import io.usher.payment.internal.PaymentStore;
import io.usher.payment.internal.Refunds;

/**
 * The payment module's API: start a checkout at the configured gateway, read payments, refund them through the
 * gateway that took them, and verify one server-side. A payment succeeds only from a verified gateway
 * confirmation; its outcome is announced with {@link PaymentSucceeded}, {@link PaymentFailed} and
 * {@link PaymentRefunded}.
 */
@Service
public class Payments {

    private final Checkouts checkouts;
    private final GatewayConfirmations confirmations;
    private final Refunds refunds;
    private final PaymentStore store;

    Payments(Checkouts checkouts, GatewayConfirmations confirmations, Refunds refunds, PaymentStore store) {
        this.checkouts = checkouts;
        this.confirmations = confirmations;
        this.refunds = refunds;
        this.store = store;
    }

    /**
     * Opens a checkout at the configured gateway; send the buyer to {@link Checkout#redirectUrl()}. The same
     * idempotency key with the same request answers with the same checkout.
     *
     * @throws PaymentBlocked a fraud rule refuses it (422; audited)
     * @throws GatewayUnavailable the gateway does not answer or its circuit is open (503, Retry-After)
     * @throws IdempotencyKeyReused the key came with a different request (422)
     * @throws CheckoutInProgress the same key is being opened right now (409)
     * @throws GatewayRejected the gateway refused the checkout (422)
     */
    public Checkout startCheckout(PaymentRequest request) {
        return checkouts.start(request);
    }

    /** @throws PaymentNotFound no such payment */
    public Payment get(PaymentId id) {
        return store.find(id.value()).map(PaymentStore.Row::toPayment).orElseThrow(PaymentNotFound::new);
    }

    /** The latest payment made for a reference (an order retried after a decline has several). */
    public Optional<Payment> findByReference(String reference) {
        return store.findByReference(reference).map(PaymentStore.Row::toPayment);
    }

    /** A payment's refunds, oldest first. */
    public List<Refund> refunds(PaymentId id) {
        get(id);
        return store.refunds(id.value());
    }

    /**
     * Gives (part of) a captured payment back, through the gateway that took it, and publishes
     * {@link PaymentRefunded}. The same idempotency key makes the same refund.
     *
     * @throws PaymentNotFound no such payment
     * @throws PaymentNotRefundable nothing was captured (409)
     * @throws RefundExceedsPayment more than what is left to refund (422)
     * @throws IdempotencyKeyReused the key came with another amount or reason (422)
     * @throws InvalidPaymentRequest no amount, another currency, no reason (400)
     * @throws GatewayUnavailable the gateway does not answer; the refund stays requested and is retried (503)
     * @throws GatewayRejected the gateway refused; the refund is failed (422)
     */
    public Refund refund(PaymentId id, Money amount, String reason, String idempotencyKey) {
        return refunds.refund(id, amount, reason, idempotencyKey);
    }

    /**
     * Asks the gateway server-side where a pending payment stands and applies its answer, for when a webhook is
     * late. Never trusts the buyer's browser.
     *
     * @throws PaymentNotFound no such payment
     * @throws GatewayUnavailable the gateway does not answer (503)
     */
    public Payment verify(PaymentId id) {
        return confirmations.verify(id);
    }
}
