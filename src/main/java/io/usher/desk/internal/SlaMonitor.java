package io.usher.desk.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises SLA warnings and breaches (every minute by default, {@code usher.desk.sla-monitor-interval}). Safe on
 * several instances: each locks the tickets it checks and skips those another holds, the check replays the timers
 * under that lock, and a unique index allows one WARNING and one BREACH per timer.
 */
@Component
public class SlaMonitor {

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    private final SlaSchedule schedule;
    private final SlaEscalation escalation;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    SlaMonitor(SlaSchedule schedule, SlaEscalation escalation, PlatformTransactionManager transactions, Clock clock) {
        this.schedule = schedule;
        this.escalation = escalation;
        this.tx = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Checks one batch of tickets with a timer due by now; answers how many. */
    public int checkDue() {
        var checked = tx.execute(status -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var due = schedule.lockDue(now, BATCH);
            for (var id : due) {
                // one ticket that cannot be checked must not hold up the others: it rolls back to its savepoint
                try {
                    savepoint.executeWithoutResult(nested -> escalation.check(id, now));
                } catch (RuntimeException e) {
                    log.error("SLA check of ticket {} failed; it is tried again on the next run", id, e);
                }
            }
            return due.size();
        });
        return checked == null ? 0 : checked;
    }

    @Scheduled(fixedDelayString = "${usher.desk.sla-monitor-interval:60s}",
            initialDelayString = "${usher.desk.sla-monitor-interval:60s}")
    void run() {
        while (checkDue() == BATCH) {
            // more are due: keep going until a batch comes back short
        }
    }
}
