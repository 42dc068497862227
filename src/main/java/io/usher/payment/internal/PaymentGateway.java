package io.usher.payment.internal;

import java.net.URI;
import java.util.Optional;

import io.usher.common.Money;

/**
 * The port every payment gateway adapter implements. Calls that reach the gateway's servers may throw
 * {@link GatewayFailure} (unreachable, 5xx, rate limited: worth retrying with the same idempotency key) or
 * {@link GatewayRejection} (the gateway said no: retrying changes nothing). Callers go through
 * {@link GatewayCalls}, which adds the circuit breaker, the time limit and retries.
 */
public interface PaymentGateway {

    /** The gateway's name as stored with each payment: {@code test} or {@code stripe}. */
    String name();

    /** The request header that carries the webhook signature. */
    String signatureHeader();

    /** Opens a hosted checkout. The same {@code idempotencyKey} opens the same session. */
    Session createSession(SessionRequest request);

    /** What the gateway says about a checkout session now (server-side, so it can be trusted). */
    SessionState retrieve(String sessionReference);

    /** The checkout session a captured payment ({@code gatewayReference}) belongs to, if the gateway knows one. */
    Optional<SessionState> findByPaymentReference(String paymentReference);

    /** Refunds (part of) a captured payment. The same {@code idempotencyKey} makes the same refund. */
    RefundResult refund(RefundRequest request);

    /**
     * Checks a webhook's signature (with the endpoint secret and the timestamp tolerance) and reads the event.
     *
     * @throws InvalidSignature the signature is missing, wrong or too old
     * @throws InvalidWebhook signed, but not an event this adapter can read
     */
    GatewayEvent verifyWebhook(byte[] payload, String signatureHeader);

    /**
     * @param paymentId Usher's payment id, stored with the gateway's session (metadata) so events can name it
     */
    record SessionRequest(String paymentId, String reference, Money amount, String description, String customerEmail,
            URI returnUrl, URI cancelUrl, String idempotencyKey) {
    }

    record Session(String reference, URI redirectUrl) {
    }

    /** A checkout session as the gateway sees it. */
    record SessionState(String sessionReference, State state, String paymentReference, Money amount,
            String failureReason) {

        public enum State { OPEN, PAID, FAILED }
    }

    record RefundRequest(String paymentReference, Money amount, String refundId, String idempotencyKey) {
    }

    record RefundResult(String reference, Money amount) {
    }
}
