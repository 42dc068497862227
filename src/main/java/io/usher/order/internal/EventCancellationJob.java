package io.usher.order.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.catalog.EventCancelled;
import io.usher.catalog.EventPostponed;
import io.usher.common.EventId;
import io.usher.common.UsherException;
import io.usher.inventory.HoldId;
import io.usher.inventory.Inventory;
import io.usher.order.OrderStatus;

/**
 * Cancels every paid order of a cancelled event, one order per transaction, and fails its orders still waiting
 * for payment (a payment that arrives later is refunded automatically, as for any order whose tickets are gone).
 * The job's row says where it stands; a schedule resumes running jobs, so a crash or a refused refund halfway
 * continues where it stopped. Orders are claimed with {@code SKIP LOCKED} and a lease, so instances share the work
 * and never refund one order twice.
 */
@Component
class EventCancellationJob {

    private static final Logger log = LoggerFactory.getLogger(EventCancellationJob.class);
    static final String REASON = "The event was cancelled";

    private final OrderStore orders;
    private final CancellationStore store;
    private final Cancellations cancellations;
    private final Inventory inventory;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    EventCancellationJob(OrderStore orders, CancellationStore store, Cancellations cancellations, Inventory inventory,
            AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.cancellations = cancellations;
        this.inventory = inventory;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Like {@code @ApplicationModuleListener} (asynchronous, after commit, retried from the event publication log)
     * but without a transaction around it: every order is refunded in its own, and no transaction waits for the
     * gateway.
     */
    @Async
    @TransactionalEventListener
    void on(EventCancelled event) {
        tx.executeWithoutResult(status -> store.startJob(event.event(), clock.instant()));
        run(event.event());
    }

    /** A postponement always lets buyers who paid before it cancel for a refund. */
    @ApplicationModuleListener
    void on(EventPostponed event) {
        store.postponed(event.event(), event.startsAt(), event.at());
    }

    /** Resumes jobs that did not finish (a crash, a refund that failed and waits for its retry). */
    @Scheduled(fixedDelayString = "${usher.order.cancellation-interval:30s}",
            initialDelayString = "${usher.order.cancellation-interval:30s}")
    void resume() {
        for (var event : store.runningJobs()) {
            try {
                run(event);
            } catch (RuntimeException e) {
                log.warn("Cancelling the orders of event {} failed; the next run resumes it", event, e);
            }
        }
    }

    /** One pass over an event's job: open what is new, fail what is unpaid, cancel what is due. */
    void run(EventId event) {
        var pending = tx.execute(status -> {
            var now = clock.instant();
            store.openForPaidOrders(event, REASON, now);
            var failed = new ArrayList<Order>();
            for (var order : orders.lockPending(event)) {
                if (orders.transition(order.id(), java.util.List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.FAILED,
                        null, REASON, now)) {
                    orders.revertCouponUse(order.id());
                    audit.record("ORDER_FAILED", null, order.id().toString(), Map.of("reason", REASON));
                    failed.add(order);
                }
            }
            store.released(event, failed.size());
            return failed;
        });
        for (var order : pending) {
            try {
                inventory.release(new HoldId(order.holdId()), order.buyer());
            } catch (UsherException alreadyEnded) {
                // expired or released meanwhile: its tickets are back already
            }
        }
        Optional<CancellationStore.Claim> claim;
        while ((claim = claimNext(event)).isPresent()) {
            try {
                cancellations.carryOut(claim.get());
            } catch (UsherException e) {
                log.info("Refunding order {} of cancelled event {} failed ({}); it is retried", claim.get().order(),
                        event, e.code());
            }
        }
        tx.executeWithoutResult(status -> {
            if (store.recount(event, clock.instant())) {
                audit.record("EVENT_ORDERS_CANCELLED", null, event.toString(), Map.of());
            }
        });
    }

    private Optional<CancellationStore.Claim> claimNext(EventId event) {
        var now = clock.instant();
        return tx.execute(status -> store.claimNext(event, now, now.plus(Cancellations.LEASE)));
    }

    /** The job's progress for the event's organizers. */
    Optional<CancellationStore.Job> progress(EventId event) {
        return store.job(event);
    }
}
