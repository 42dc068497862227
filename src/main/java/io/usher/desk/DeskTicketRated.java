package io.usher.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.usher.identity.UserId;

/**
 * The requester rated a resolved ticket 1–5 (for reports); a {@link #poor()} rating alerts the queue's
 * {@code managers}.
 */
public record DeskTicketRated(TicketId ticket, String number, UUID queue, int score, String comment,
        List<UserId> managers, Instant at) {

    /** Ratings at or below this alert the queue's managers. */
    public static final int POOR = 2;

    public DeskTicketRated {
        managers = List.copyOf(managers);
    }

    public boolean poor() {
        return score <= POOR;
    }
}
