package io.usher.catalog;

import java.time.Instant;

import io.usher.common.EventId;
import io.usher.identity.OrganizationId;

/** An event went on sale. */
public record EventPublished(EventId event, OrganizationId organization, Instant startsAt, Instant endsAt,
        Instant at) {
}
