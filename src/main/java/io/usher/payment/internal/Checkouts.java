package io.usher.payment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.payment.Checkout;
import io.usher.payment.CheckoutInProgress;
import io.usher.payment.GatewayRejected;
import io.usher.payment.GatewayUnavailable;
import io.usher.payment.IdempotencyKeyReused;
import io.usher.payment.PaymentBlocked;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentRequest;

/**
 * Starts checkouts. The payment row is committed (after the fraud rules passed) before the gateway is called,
 * and no transaction is open during the call. The gateway's idempotency key is derived from the payment id, so
 * a retry, or a second request with the same key that takes over an abandoned attempt, opens the same session.
 * If the gateway cannot open one, the row is removed again: a checkout either exists with its session or not at all.
 */
@Service
public class Checkouts {

    /** A row without a session older than this was left by a crashed attempt; a repeat may take it over. */
    private static final Duration ABANDONED = Duration.ofMinutes(1);

    private final PaymentStore store;
    private final FraudRules fraud;
    private final GatewayCalls gateways;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String gateway;

    Checkouts(PaymentStore store, FraudRules fraud, GatewayCalls gateways, AuditTrail audit, TransactionTemplate tx,
            Clock clock, PaymentProperties properties) {
        this.store = store;
        this.fraud = fraud;
        this.gateways = gateways;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.gateway = properties.gateway();
    }

    /** Answers a repeated key from what is stored; otherwise checks the fraud rules and opens a gateway session. */
    public Checkout start(PaymentRequest request) {
        var hash = hash(request);
        var existing = store.findByKey(request.idempotencyKey());
        if (existing.isPresent()) {
            return resume(existing.get(), hash);
        }
        gateways.ensureAvailable(gateway);
        var now = clock.instant();
        var row = new PaymentStore.Row(UUID.randomUUID(), request.reference(), request.buyer(), request.buyerEmail(),
                request.clientIp(), request.description(), request.amount(), 0, null, gateway, null, null, null,
                request.returnUrl(), request.cancelUrl(), request.idempotencyKey(), hash, null, now, now);
        var outcome = tx.execute(status -> {
            var blocked = fraud.check(request, now);
            if (blocked.isPresent()) {
                audit.record("PAYMENT_BLOCKED", request.buyer().value(), request.reference(), blockDetails(request, blocked.get()));
                return Started.BLOCKED.with(blocked.get());
            }
            return store.insertPending(row) ? Started.INSERTED.with(null) : Started.DUPLICATE.with(null);
        });
        return switch (outcome.started()) {
            case BLOCKED -> throw outcome.blocked();
            case DUPLICATE -> resume(store.findByKey(request.idempotencyKey()).orElseThrow(), hash);
            case INSERTED -> open(row);
        };
    }

    private Checkout resume(PaymentStore.Row row, String hash) {
        if (!row.requestHash().equals(hash)) {
            throw new IdempotencyKeyReused();
        }
        if (row.redirectUrl() != null) {
            return new Checkout(new PaymentId(row.id()), row.redirectUrl());
        }
        if (row.createdAt().isAfter(clock.instant().minus(ABANDONED))) {
            throw new CheckoutInProgress();
        }
        return open(row);
    }

    private Checkout open(PaymentStore.Row row) {
        PaymentGateway.Session session;
        try {
            session = gateways.call(row.gateway(), "create-session", gateway -> gateway.createSession(
                    new PaymentGateway.SessionRequest(row.id().toString(), row.reference(), row.amount(),
                            row.description(), row.buyerEmail(), row.returnUrl(), row.cancelUrl(),
                            "usher-checkout-" + row.id())));
        } catch (GatewayUnavailable | GatewayRejected e) {
            tx.executeWithoutResult(status -> store.deleteUnopened(row.id()));
            throw e;
        }
        tx.executeWithoutResult(status -> {
            if (store.attachSession(row.id(), session.reference(), session.redirectUrl(), clock.instant())) {
                audit.record("PAYMENT_CHECKOUT_STARTED", row.buyer().value(), row.id().toString(), Map.of(
                        "reference", row.reference(), "amountMinor", row.amount().minor(),
                        "currency", row.amount().currency().getCurrencyCode(), "gateway", row.gateway(),
                        "session", session.reference()));
            }
        });
        var stored = store.find(row.id()).orElseThrow();
        return new Checkout(new PaymentId(row.id()), stored.redirectUrl());
    }

    private static Map<String, Object> blockDetails(PaymentRequest request, PaymentBlocked blocked) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("rule", blocked.rule());
        details.put("amountMinor", request.amount().minor());
        details.put("currency", request.amount().currency().getCurrencyCode());
        if (request.clientIp() != null) {
            details.put("clientIp", request.clientIp());
        }
        return details;
    }

    /** What makes two requests "the same": everything but the client address, which may change on a retry. */
    static String hash(PaymentRequest request) {
        var text = String.join("\n", request.reference(), Long.toString(request.amount().minor()),
                request.amount().currency().getCurrencyCode(), request.buyerEmail(), request.buyer().toString(),
                request.description(), request.returnUrl().toString(), request.cancelUrl().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Started {
        INSERTED, DUPLICATE, BLOCKED;

        Outcome with(PaymentBlocked blocked) {
            return new Outcome(this, blocked);
        }
    }

    private record Outcome(Started started, PaymentBlocked blocked) {
    }
}
