package io.usher.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of an SLA timer, appended and never changed: what happened, when, how much business time the timer
 * had consumed by then, the target in force, the due time that followed (none while paused or once met), a short
 * machine-meaningful reason (a priority, a status) and a sentence for people.
 */
public record SlaEvent(SlaTarget target, Type type, Instant at, Duration consumed, long targetMinutes, Instant due,
        String reason, String explanation) {

    /** The kinds of timer change. */
    public enum Type {
        START, PAUSE, RESUME, RETARGET, MET, WARNING, BREACH
    }

    public SlaEvent {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(consumed, "consumed");
        if (consumed.isNegative() || targetMinutes < 0) {
            throw new IllegalArgumentException("consumed time and target are not negative");
        }
        reason = reason == null ? "" : reason;
        explanation = explanation == null ? "" : explanation;
    }

    /** Whole business minutes consumed when this happened. */
    public long consumedMinutes() {
        return consumed.toMinutes();
    }
}
