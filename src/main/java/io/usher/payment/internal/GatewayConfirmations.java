package io.usher.payment.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.payment.Payment;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentNotFound;

/**
 * Where a payment learns what its gateway says, from the two sources Usher trusts: a webhook whose signature
 * verifies, and a server-side retrieve. Each webhook event id is claimed once in the same transaction as the
 * change it causes (a redelivery finds the claim and changes nothing), and the payment's row lock orders
 * concurrent events for one payment.
 */
@Service
public class GatewayConfirmations {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfirmations.class);

    private final PaymentStore store;
    private final PaymentTransitions transitions;
    private final GatewayCalls gateways;
    private final TransactionTemplate tx;
    private final Clock clock;

    GatewayConfirmations(PaymentStore store, PaymentTransitions transitions, GatewayCalls gateways,
            TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.gateways = gateways;
        this.tx = tx;
        this.clock = clock;
    }

    /** What became of a webhook: {@code duplicate}, {@code unknown_payment}, {@code captured} … */
    public record Receipt(String eventId, String outcome) {
    }

    /**
     * Verifies and applies a webhook.
     *
     * @param headers the request's headers by name
     * @throws UnknownGateway no such gateway is configured
     * @throws InvalidSignature the signature does not verify
     * @throws InvalidWebhook signed, but unreadable
     */
    public Receipt receive(String gatewayName, byte[] payload, UnaryOperator<String> headers) {
        var gateway = gateways.gateway(gatewayName);
        var event = gateway.verifyWebhook(payload, headers.apply(gateway.signatureHeader()));
        var payment = resolve(gatewayName, event);
        var outcome = tx.execute(status -> {
            if (!store.claimEvent(gatewayName, event.id(), event.type(), clock.instant())) {
                return "duplicate";
            }
            var result = payment.flatMap(store::lock).map(row -> apply(row, event)).orElse("unknown_payment");
            store.eventOutcome(gatewayName, event.id(), payment.orElse(null), result);
            return result;
        });
        if ("unknown_payment".equals(outcome)) {
            log.warn("Webhook {} ({}) from {} names no payment known here ({}); acknowledged and ignored",
                    event.id(), event.type(), gatewayName, event.refs());
        } else {
            log.info("Webhook {} ({}) from {}: {}", event.id(), event.type(), gatewayName, outcome);
        }
        return new Receipt(event.id(), outcome);
    }

    /** Asks the gateway (server-side) where the payment's checkout stands and applies the answer. */
    public Payment verify(PaymentId id) {
        var payment = store.find(id.value()).orElseThrow(PaymentNotFound::new);
        if (payment.gatewaySession() == null || payment.status().captured()) {
            return payment.toPayment();
        }
        var state = gateways.call(payment.gateway(), "retrieve", gateway -> gateway.retrieve(payment.gatewaySession()));
        tx.executeWithoutResult(status -> {
            var row = store.lock(payment.id()).orElseThrow();
            switch (state.state()) {
                case PAID -> transitions.capture(row, state.paymentReference(), state.amount(), "verify");
                case FAILED -> transitions.fail(row, state.failureReason(), false, true, "verify");
                case OPEN -> {
                }
            }
        });
        return store.find(id.value()).orElseThrow().toPayment();
    }

    private String apply(PaymentStore.Row payment, GatewayEvent event) {
        var source = "webhook " + event.id();
        return switch (event) {
            case GatewayEvent.Captured captured ->
                    transitions.capture(payment, captured.refs().paymentReference(), captured.amount(), source);
            case GatewayEvent.Failed failed ->
                    transitions.fail(payment, failed.reason(), failed.declined(), failed.terminal(), source);
            case GatewayEvent.Refunded refunded -> transitions.refunded(payment, refunded);
            case GatewayEvent.Other other -> "ignored";
        };
    }

    /**
     * Which payment an event concerns: by Usher's id echoed by the gateway, the session, or the captured
     * payment's reference. A refund can name only the latter and arrive before the capture's own event; then
     * the gateway is asked which checkout that payment belongs to (outside any transaction).
     */
    private Optional<UUID> resolve(String gateway, GatewayEvent event) {
        var refs = event.refs();
        if (refs.paymentId() != null) {
            var id = PaymentTransitions.parse(refs.paymentId()).filter(candidate -> store.existsForGateway(candidate, gateway));
            if (id.isPresent()) {
                return id;
            }
        }
        if (refs.sessionReference() != null) {
            var id = store.idBySession(gateway, refs.sessionReference());
            if (id.isPresent()) {
                return id;
            }
        }
        if (refs.paymentReference() == null) {
            return Optional.empty();
        }
        var id = store.idByGatewayReference(gateway, refs.paymentReference());
        if (id.isPresent() || event instanceof GatewayEvent.Other) {
            return id;
        }
        return gateways.call(gateway, "find-session", adapter -> adapter.findByPaymentReference(refs.paymentReference()))
                .flatMap(session -> store.idBySession(gateway, session.sessionReference()));
    }
}
