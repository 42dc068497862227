package io.usher.desk;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a ticket's priority from impact × urgency. Each impact maps to four priorities, one per urgency
 * ({@code LOW, MEDIUM, HIGH, IMMEDIATE}). Without either, the middle values ({@code MODERATE}, {@code MEDIUM}) apply.
 */
public final class PriorityMatrix {

    /** The usual ITIL-like matrix. */
    public static final PriorityMatrix DEFAULT = new PriorityMatrix(Map.of(
            Impact.MINOR, List.of(Priority.LOW, Priority.LOW, Priority.MEDIUM, Priority.HIGH),
            Impact.MODERATE, List.of(Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.HIGH),
            Impact.MAJOR, List.of(Priority.MEDIUM, Priority.HIGH, Priority.HIGH, Priority.CRITICAL),
            Impact.CRITICAL, List.of(Priority.HIGH, Priority.HIGH, Priority.CRITICAL, Priority.CRITICAL)));

    private final Map<Impact, List<Priority>> rows;

    /**
     * @throws IllegalArgumentException unless every impact has one priority per urgency
     */
    public PriorityMatrix(Map<Impact, List<Priority>> rows) {
        var copy = new EnumMap<Impact, List<Priority>>(Impact.class);
        for (var impact : Impact.values()) {
            var row = rows.get(impact);
            if (row == null || row.size() != Urgency.values().length || row.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("the priority matrix gives " + impact + " one priority per urgency "
                        + List.of(Urgency.values()));
            }
            copy.put(impact, List.copyOf(row));
        }
        this.rows = copy;
    }

    public Priority priorityOf(Impact impact, Urgency urgency) {
        var row = rows.get(impact == null ? Impact.MODERATE : impact);
        return row.get((urgency == null ? Urgency.MEDIUM : urgency).ordinal());
    }
}
