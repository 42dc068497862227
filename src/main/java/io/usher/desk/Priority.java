package io.usher.desk;

/** How urgent a ticket is; SLA targets and the breach bump follow it. */
public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** One level up (a breach bumps priority); {@link #CRITICAL} stays. */
    public Priority bumped() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
