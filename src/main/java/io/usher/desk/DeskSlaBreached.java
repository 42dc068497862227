package io.usher.desk;

import java.time.Instant;
import java.util.List;

import io.usher.identity.UserId;

/**
 * An SLA timer of a ticket passed its target ({@code due}). The ticket now has {@code priority} (one level up,
 * CRITICAL stays) and {@code assignee} (the queue's least-loaded manager if the queue reassigns on breach; may be
 * none); tell the {@code recipients} (the assignee and the queue's managers).
 */
public record DeskSlaBreached(TicketId ticket, String number, String subject, SlaTarget target, Instant due,
        Priority priority, UserId assignee, String explanation, List<UserId> recipients, Instant at) {

    public DeskSlaBreached {
        recipients = List.copyOf(recipients);
    }
}
