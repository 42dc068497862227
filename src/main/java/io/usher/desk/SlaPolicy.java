package io.usher.desk;

import java.util.Objects;

/**
 * SLA targets in business minutes for one priority, for every category ({@code category} null) or one.
 */
public record SlaPolicy(Priority priority, CategoryId category, long firstResponseMinutes, long resolutionMinutes) {

    /** A year of business minutes around the clock: longer targets are mistakes. */
    public static final long MAX_MINUTES = 366L * 24 * 60;

    public SlaPolicy {
        Objects.requireNonNull(priority, "priority");
        if (firstResponseMinutes < 1 || firstResponseMinutes > MAX_MINUTES || resolutionMinutes < 1
                || resolutionMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("SLA targets are 1 to " + MAX_MINUTES + " business minutes");
        }
        if (firstResponseMinutes > resolutionMinutes) {
            throw new IllegalArgumentException("the first-response target is not longer than the resolution target");
        }
    }

    public long minutes(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseMinutes : resolutionMinutes;
    }
}
