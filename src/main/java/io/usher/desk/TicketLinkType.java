package io.usher.desk;

/**
 * How one ticket relates to another. Each link is also seen from the other ticket, as its inverse: {@code BLOCKS}
 * and {@code BLOCKED_BY} are each other's, {@code RELATED} is its own, and a ticket that another is a
 * {@code DUPLICATE_OF} shows it as {@link #HAS_DUPLICATE} (which cannot be asked for directly).
 */
public enum TicketLinkType {
    DUPLICATE_OF, BLOCKS, BLOCKED_BY, RELATED, HAS_DUPLICATE;

    /** The link as the other ticket sees it. */
    public TicketLinkType inverse() {
        return switch (this) {
            case DUPLICATE_OF -> HAS_DUPLICATE;
            case HAS_DUPLICATE -> DUPLICATE_OF;
            case BLOCKS -> BLOCKED_BY;
            case BLOCKED_BY -> BLOCKS;
            case RELATED -> RELATED;
        };
    }
}
