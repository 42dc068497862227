package io.usher.desk;

import java.time.Instant;
import java.util.List;

import io.usher.identity.UserId;

/**
 * An SLA timer of a ticket used {@link SlaClock#WARNING_SHARE} of its target; tell the {@code recipients} (the
 * assignee and the queue's managers).
 */
public record DeskSlaWarning(TicketId ticket, String number, String subject, SlaTarget target, Instant due,
        String explanation, List<UserId> recipients, Instant at) {

    public DeskSlaWarning {
        recipients = List.copyOf(recipients);
    }
}
