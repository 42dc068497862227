package io.usher.catalog;

import java.time.Instant;

import io.usher.common.EventId;
import io.usher.identity.OrganizationId;

/** An event moved to a new schedule; it stays on sale. Ticket holders may want to know (and a refund). */
public record EventPostponed(EventId event, OrganizationId organization, Instant previousStartsAt,
        Instant startsAt, Instant endsAt, Instant at) {
}
