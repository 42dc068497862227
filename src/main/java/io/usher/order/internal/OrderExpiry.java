package io.usher.order.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.order.OrderStatus;

/**
 * Expires orders nobody paid before their hold ran out, and gives their coupon use back. Safe on several
 * instances: each locks the due orders it takes and skips those another has locked.
 */
@Component
public class OrderExpiry {

    private static final int BATCH = 200;

    private final OrderStore orders;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderExpiry(OrderStore orders, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Expires one batch of due orders; returns how many. */
    public int expireDue() {
        var expired = tx.execute(status -> {
            var now = clock.instant();
            var due = orders.lockDue(now, BATCH);
            for (var id : due) {
                orders.transition(id, List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.EXPIRED, null,
                        "not paid before the hold expired", now);
                orders.revertCouponUse(id);
                audit.record("ORDER_EXPIRED", null, id.toString(), Map.of());
            }
            return due.size();
        });
        return expired == null ? 0 : expired;
    }

    @Scheduled(fixedDelayString = "${usher.order.expiry-interval:5s}", initialDelayString = "${usher.order.expiry-interval:5s}")
    void run() {
        while (expireDue() == BATCH) {
            // more are due: keep going until a batch comes back short
        }
    }
}
