package io.usher.payment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.common.Money;
import io.usher.common.UsherException;
import io.usher.identity.CurrentUser;
import io.usher.payment.GatewayRejected;
import io.usher.payment.GatewayUnavailable;
import io.usher.payment.IdempotencyKeyReused;
import io.usher.payment.InvalidPaymentRequest;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentNotFound;
import io.usher.payment.PaymentNotRefundable;
import io.usher.payment.Refund;
import io.usher.payment.RefundExceedsPayment;

/**
 * Refunds through the gateway that took the payment. The amount is reserved first (a {@code REQUESTED} row,
 * checked under the payment's row lock against what is left), then the gateway is asked with an idempotency key
 * of the refund's own, then the refund completes. A gateway that does not answer leaves the request reserved:
 * repeating the call (same key) or the retry job finishes it, and the gateway's refund webhook, which names the
 * refund, completes it too, so a refund the gateway made is never lost or counted twice.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final PaymentStore store;
    private final PaymentTransitions transitions;
    private final GatewayCalls gateways;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    Refunds(PaymentStore store, PaymentTransitions transitions, GatewayCalls gateways, AuditTrail audit,
            TransactionTemplate tx, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.gateways = gateways;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Refund refund(PaymentId id, Money amount, String reason, String idempotencyKey) {
        if (amount == null || amount.minor() <= 0) {
            throw new InvalidPaymentRequest("amount: more than zero");
        }
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new InvalidPaymentRequest("reason: 1 to 200 characters");
        }
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidPaymentRequest("idempotencyKey: 1 to 200 printable characters");
        }
        var actor = CurrentUser.find().map(user -> user.id().value()).orElse(null);
        var refund = tx.execute(status -> reserve(id, amount, reason, idempotencyKey, actor));
        if (refund.status() != Refund.Status.REQUESTED) {
            return refund;
        }
        return ask(refund, actor);
    }

    private Refund reserve(PaymentId id, Money amount, String reason, String key, UUID actor) {
        var payment = store.lock(id.value()).orElseThrow(PaymentNotFound::new);
        var existing = store.findRefundByKey(payment.id(), key);
        if (existing.isPresent()) {
            if (!existing.get().amount().equals(amount) || !existing.get().reason().equals(reason)) {
                throw new IdempotencyKeyReused();
            }
            return existing.get();
        }
        if (!amount.currency().equals(payment.amount().currency())) {
            throw new InvalidPaymentRequest("amount: in the payment's currency, " + payment.amount().currency());
        }
        if (!payment.status().captured()) {
            throw new PaymentNotRefundable(payment.status());
        }
        long left = payment.amount().minor() - payment.refundedMinor() - store.requestedRefunds(payment.id());
        if (amount.minor() > left) {
            throw new RefundExceedsPayment(new Money(Math.max(0, left), amount.currency()));
        }
        var refundId = UUID.randomUUID();
        store.insertRefund(refundId, payment.id(), amount.minor(), reason, key, actor, clock.instant());
        return store.findRefund(refundId).orElseThrow();
    }

    private Refund ask(Refund refund, UUID actor) {
        var payment = store.find(refund.payment().value()).orElseThrow(PaymentNotFound::new);
        PaymentGateway.RefundResult result;
        try {
            result = gateways.call(payment.gateway(), "refund", gateway -> gateway.refund(new PaymentGateway.RefundRequest(
                    payment.gatewayReference(), refund.amount(), refund.id().toString(), "usher-refund-" + refund.id())));
        } catch (GatewayRejected rejected) {
            tx.executeWithoutResult(status -> {
                if (store.failRefund(refund.id().value(), rejected.getMessage(), clock.instant())) {
                    audit.record("PAYMENT_REFUND_FAILED", actor, payment.id().toString(), Map.of(
                            "refundId", refund.id().toString(), "amountMinor", refund.amount().minor(),
                            "reason", rejected.getMessage()));
                }
            });
            throw rejected;
        }
        tx.executeWithoutResult(status -> transitions.completeRequested(store.lock(payment.id()).orElseThrow(),
                refund.id().value(), result.reference(), refund.amount(), actor));
        return store.findRefund(refund.id().value()).orElseThrow();
    }

    /** Asks the gateway again for refunds left requested by a gateway outage (same idempotency key). */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void retryRequested() {
        var due = jdbc.sql("""
                select id from payment_refunds where status = 'REQUESTED' and created_at < :before
                order by created_at limit 100
                """)
                .param("before", Timestamp.from(clock.instant().minus(RETRY_AFTER))).query(UUID.class).list();
        for (var id : due) {
            try {
                store.findRefund(id).filter(r -> r.status() == Refund.Status.REQUESTED).ifPresent(r -> ask(r, null));
            } catch (GatewayUnavailable e) {
                log.info("Refund {} still waits for its gateway", id);
                return;
            } catch (UsherException e) {
                log.warn("Refund {} was refused on retry: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Retrying refund {} failed", id, e);
            }
        }
    }
}
