package io.usher.payment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.payment.PaymentBlocked;
import io.usher.payment.PaymentRequest;

/**
 * The fraud rules a checkout passes ({@code usher.payment.fraud.*}): at most so many checkouts per buyer and per
 * client address within a window, a largest total, and a block after too many declined cards in a row. Counts
 * come from the payments themselves, under a per-buyer and a per-address lock held until the checkout's row is
 * committed, so concurrent checkouts cannot slip past a limit together.
 */
@Component
class FraudRules {

    private final JdbcClient jdbc;
    private final PaymentProperties.Fraud rules;
    private final AuditTrail audit;

    FraudRules(JdbcClient jdbc, PaymentProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rules = properties.fraud();
        this.audit = audit;
    }

    /** The rule this checkout breaks, if any. Call in the transaction that inserts the payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<PaymentBlocked> check(PaymentRequest request, Instant now) {
        var buyer = request.buyer().value();
        lock("payment:buyer:" + buyer);
        if (request.clientIp() != null) {
            lock("payment:ip:" + request.clientIp());
        }
        var blockedUntil = jdbc.sql("""
                select max(blocked_until) from payment_blocks where buyer_id = :buyer and blocked_until > :now
                """)
                .param("buyer", buyer).param("now", Timestamp.from(now)).query(Timestamp.class).optional();
        if (blockedUntil.isPresent()) {
            return Optional.of(new PaymentBlocked("declines",
                    "Too many declined payments: paying is blocked for this account for a while.",
                    blockedUntil.get().toInstant()));
        }
        if (request.amount().minor() > rules.maxAmountMinor()) {
            return Optional.of(new PaymentBlocked("max_amount",
                    "The total is above the largest amount accepted in one payment.", null));
        }
        var since = Timestamp.from(now.minus(rules.window()));
        var buyerFree = freeAt("buyer_id = :who", buyer, rules.maxCheckoutsPerBuyer(), since);
        if (buyerFree.isPresent()) {
            return Optional.of(new PaymentBlocked("buyer_rate",
                    "Too many payments started from this account in a short time. Try again later.", buyerFree.get()));
        }
        if (request.clientIp() != null) {
            var ipFree = freeAt("client_ip = :who", request.clientIp(), rules.maxCheckoutsPerIp(), since);
            if (ipFree.isPresent()) {
                return Optional.of(new PaymentBlocked("ip_rate",
                        "Too many payments started from this address in a short time. Try again later.", ipFree.get()));
            }
        }
        return Optional.empty();
    }

    /** Always buyer before address, so two checkouts never wait for each other in a circle. */
    private void lock(String key) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked").param("key", key)
                .query(Integer.class).single();
    }

    /** When the limit frees up again, if {@code limit} checkouts already started since {@code since}. */
    private Optional<Instant> freeAt(String condition, Object who, int limit, Timestamp since) {
        return jdbc.sql("select created_at from payment_payments where " + condition
                        + " and created_at > :since order by created_at desc offset :skip limit 1")
                .param("who", who).param("since", since).param("skip", limit - 1)
                .query(Timestamp.class).optional()
                .map(oldestCounted -> oldestCounted.toInstant().plus(rules.window()));
    }

    /**
     * Records a declined card; the {@code max-declines}-th in a row (since the buyer's last success or block,
     * within the decline window) blocks the buyer for {@code block-duration}. In the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordDecline(UUID payment, UUID buyer, String reason, Instant now) {
        jdbc.sql("insert into payment_declines (payment_id, buyer_id, reason, declined_at) values (:payment, :buyer, :reason, :now)")
                .param("payment", payment).param("buyer", buyer).param("reason", reason).param("now", Timestamp.from(now))
                .update();
        int declines = jdbc.sql("""
                select count(*) from payment_declines
                where buyer_id = :buyer
                  and declined_at > greatest(:since,
                      coalesce((select max(created_at) from payment_blocks where buyer_id = :buyer), '-infinity'),
                      coalesce((select max(succeeded_at) from payment_payments where buyer_id = :buyer), '-infinity'))
                """)
                .param("buyer", buyer).param("since", Timestamp.from(now.minus(rules.declineWindow())))
                .query(Integer.class).single();
        if (declines >= rules.maxDeclines()) {
            var until = now.plus(rules.blockDuration());
            jdbc.sql("""
                    insert into payment_blocks (buyer_id, rule, blocked_until, created_at)
                    values (:buyer, 'declines', :until, :now)
                    """)
                    .param("buyer", buyer).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
                    .update();
            audit.record("PAYMENT_BUYER_BLOCKED", null, buyer.toString(),
                    Map.of("rule", "declines", "declines", declines, "until", until.toString()));
        }
    }
}
