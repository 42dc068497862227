package io.usher.payment.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.common.Money;
import io.usher.payment.PaymentFailed;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentRefunded;
import io.usher.payment.PaymentStatus;
import io.usher.payment.PaymentSucceeded;

/**
 * The state changes of a payment that a verified gateway answer causes, each guarded by the current state so
 * that a repeat or a late event changes nothing: a capture wins over a failure, nothing downgrades a captured
 * payment, a refund counts once. Every change is audited and announced with its event in the caller's
 * transaction, which holds the payment's row lock.
 */
@Component
class PaymentTransitions {

    private static final Logger log = LoggerFactory.getLogger(PaymentTransitions.class);

    private final PaymentStore store;
    private final FraudRules fraud;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentTransitions(PaymentStore store, FraudRules fraud, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.fraud = fraud;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The gateway took the money. {@code amount} null means "the gateway did not say" (a refund proves it). */
    @Transactional(propagation = Propagation.MANDATORY)
    String capture(PaymentStore.Row payment, String gatewayReference, Money amount, String source) {
        if (payment.status().captured()) {
            return "already_captured";
        }
        if (amount != null && !amount.equals(payment.amount())) {
            log.error("Gateway {} reports {} captured for payment {} of {}; left unchanged for review",
                    payment.gateway(), amount, payment.id(), payment.amount());
            audit.record("PAYMENT_AMOUNT_MISMATCH", null, payment.id().toString(), Map.of("gateway", payment.gateway(),
                    "expectedMinor", payment.amount().minor(), "reportedMinor", amount.minor(),
                    "reportedCurrency", amount.currency().getCurrencyCode(), "source", source));
            return "amount_mismatch";
        }
        var now = clock.instant();
        store.markSucceeded(payment.id(), gatewayReference, now);
        var reference = gatewayReference != null ? gatewayReference
                : payment.gatewayReference() != null ? payment.gatewayReference() : payment.gatewaySession();
        audit.record("PAYMENT_SUCCEEDED", null, payment.id().toString(), details(payment, "gatewayReference", reference,
                "previousStatus", payment.status().name(), "source", source));
        events.publishEvent(new PaymentSucceeded(new PaymentId(payment.id()), payment.reference(), payment.amount(),
                payment.gateway(), reference, now));
        return "captured";
    }

    /** A charge failed; only a pending payment fails, and only when the gateway says the checkout is over. */
    @Transactional(propagation = Propagation.MANDATORY)
    String fail(PaymentStore.Row payment, String reason, boolean declined, boolean terminal, String source) {
        if (payment.status().captured()) {
            return "already_captured";
        }
        var now = clock.instant();
        if (declined) {
            fraud.recordDecline(payment.id(), payment.buyer().value(), reason, now);
        }
        if (!terminal || payment.status() != PaymentStatus.PENDING) {
            return declined ? "decline_recorded" : "ignored";
        }
        store.markFailed(payment.id(), reason, now);
        audit.record("PAYMENT_FAILED", null, payment.id().toString(), details(payment, "reason", reason,
                "source", source));
        events.publishEvent(new PaymentFailed(new PaymentId(payment.id()), payment.reference(), reason, now));
        return "failed";
    }

    /**
     * The gateway reports a refund. One Usher asked for completes its request; one made elsewhere (the
     * gateway's dashboard) is recorded. A signed refund of a payment still pending here proves the capture
     * whose confirmation has not arrived yet, so the payment succeeds first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String refunded(PaymentStore.Row payment, GatewayEvent.Refunded refund) {
        if (refund.refundId() != null) {
            var requested = parse(refund.refundId()).flatMap(store::findRefund)
                    .filter(r -> r.payment().value().equals(payment.id()));
            if (requested.isPresent()) {
                return completeRequested(payment, requested.get().id().value(), refund.refundReference(),
                        requested.get().amount(), null) ? "refund_completed" : "duplicate_refund";
            }
        }
        if (store.refundKnown(payment.id(), refund.refundReference())) {
            return "duplicate_refund";
        }
        var current = payment;
        if (!current.status().captured()) {
            capture(current, refund.refs().paymentReference(), null, "refund " + refund.id());
            current = store.lock(payment.id()).orElseThrow();
        }
        if (!refund.amount().currency().equals(current.amount().currency())
                || current.refundedMinor() + refund.amount().minor() > current.amount().minor()) {
            log.error("Gateway {} reports refund {} of {} for payment {} that cannot take it (refunded {} of {})",
                    current.gateway(), refund.refundReference(), refund.amount(), current.id(), current.refundedMinor(),
                    current.amount());
            audit.record("PAYMENT_REFUND_MISMATCH", null, current.id().toString(), Map.of("gatewayReference",
                    refund.refundReference(), "amountMinor", refund.amount().minor()));
            return "refund_mismatch";
        }
        var now = clock.instant();
        store.insertReportedRefund(UUID.randomUUID(), current.id(), refund.amount().minor(), refund.refundReference(), now);
        applyRefund(current, refund.amount(), refund.refundReference(), null, "gateway");
        return "refund_recorded";
    }

    /** Completes a refund Usher requested, once (the gateway's answer and its webhook may both arrive). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean completeRequested(PaymentStore.Row payment, UUID refundId, String gatewayReference, Money amount,
            UUID actor) {
        if (!store.completeRefund(refundId, gatewayReference, clock.instant())) {
            return false;
        }
        applyRefund(payment, amount, gatewayReference, actor, "usher");
        return true;
    }

    private void applyRefund(PaymentStore.Row payment, Money amount, String gatewayReference, UUID actor, String origin) {
        var now = clock.instant();
        store.addRefunded(payment.id(), amount.minor(), now);
        var total = new Money(payment.refundedMinor() + amount.minor(), amount.currency());
        audit.record("PAYMENT_REFUNDED", actor, payment.id().toString(), details(payment, "amountMinor", amount.minor(),
                "totalRefundedMinor", total.minor(), "gatewayReference", gatewayReference, "origin", origin));
        events.publishEvent(new PaymentRefunded(new PaymentId(payment.id()), payment.reference(), amount, total,
                gatewayReference, now));
    }

    private static Map<String, Object> details(PaymentStore.Row payment, Object... pairs) {
        var details = new LinkedHashMap<String, Object>();
        details.put("reference", payment.reference());
        details.put("gateway", payment.gateway());
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }

    static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
