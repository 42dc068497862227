package io.usher.desk.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.usher.desk.Impact;
import io.usher.desk.Priority;
import io.usher.desk.PriorityMatrix;

/**
 * Desk settings ({@code usher.desk.*}); per-queue settings (calendar, auto-close) are data, not properties.
 *
 * @param reopenWindow how long after resolution a requester may reopen their ticket
 * @param priorityMatrix priorities per impact, one per urgency (LOW, MEDIUM, HIGH, IMMEDIATE), e.g.
 *        {@code usher.desk.priority-matrix.MINOR=LOW,LOW,MEDIUM,HIGH}; empty: {@link PriorityMatrix#DEFAULT}
 * @param breachingHorizon how far ahead the agents' "breaching soon" view looks for running SLA timers
 */
@ConfigurationProperties("usher.desk")
public record DeskProperties(@DefaultValue("14d") Duration reopenWindow,
        @DefaultValue Map<Impact, List<Priority>> priorityMatrix, @DefaultValue("2h") Duration breachingHorizon) {

    public DeskProperties {
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("usher.desk.reopen-window must not be negative");
        }
        if (breachingHorizon.isNegative()) {
            throw new IllegalArgumentException("usher.desk.breaching-horizon must not be negative");
        }
        if (!priorityMatrix.isEmpty()) {
            new PriorityMatrix(priorityMatrix);
        }
    }

    public PriorityMatrix matrix() {
        return priorityMatrix.isEmpty() ? PriorityMatrix.DEFAULT : new PriorityMatrix(priorityMatrix);
    }
}
