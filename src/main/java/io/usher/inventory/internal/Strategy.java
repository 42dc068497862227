package io.usher.inventory.internal;

/** How holds claim stock; see the README's design notes for the trade-offs. */
public enum Strategy {
    /** One transaction per request, {@code SELECT … FOR UPDATE} on the ticket type's counter row. */
    ROW_LOCK("row-lock"),
    /** One row per unit, claimed with {@code FOR UPDATE SKIP LOCKED} through a partial index of free units. */
    SKIP_LOCKED("skip-locked"),
    /** Concurrent requests for one event gathered for a few milliseconds and applied in one transaction. */
    COALESCING("coalescing");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Strategy of(String id) {
        for (var strategy : values()) {
            if (strategy.id.equals(id) || strategy.name().equalsIgnoreCase(id)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown inventory strategy: " + id);
    }
}
