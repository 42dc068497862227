package io.usher.desk;

import java.time.Instant;

/**
 * An SLA timer at one instant: status, target, business minutes consumed and remaining (negative once overdue),
 * the due time (null while paused or met) and why it is due then.
 */
public record SlaState(SlaTarget target, SlaClock.Status status, long targetMinutes, long consumedMinutes,
        long remainingMinutes, Instant due, String explanation) {
}
