package io.usher.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Returns expired holds to stock, every {@code usher.inventory.sweep-interval} (1 s): within a few seconds of
 * expiry, exactly once. Several instances may sweep at once; {@code SKIP LOCKED} hands each its own holds.
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    private static final int BATCH = 1000;

    private final HoldLifecycle lifecycle;

    HoldSweeper(HoldLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Idempotency answers are kept a day: long enough for any client retry. */
    @Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void forgetOldAnswers() {
        try {
            int forgotten;
            do {
                forgotten = lifecycle.forgetAnswersOlderThan(java.time.Duration.ofDays(1));
            } while (forgotten == 5000);
        } catch (RuntimeException e) {
            log.warn("Forgetting old idempotency answers failed; the next run tries again", e);
        }
    }

    @Scheduled(fixedDelayString = "${usher.inventory.sweep-interval:1s}")
    void sweep() {
        try {
            int expired;
            do {
                expired = lifecycle.expireDue(BATCH).size();
            } while (expired == BATCH);
        } catch (RuntimeException e) {
            log.warn("Expiring holds failed; the next sweep tries again", e);
        }
    }
}
