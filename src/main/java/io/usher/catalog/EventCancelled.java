package io.usher.catalog;

import java.time.Instant;

import io.usher.common.EventId;
import io.usher.identity.OrganizationId;

/** An event will not take place; it no longer sells. Orders and tickets of it are to be refunded. */
public record EventCancelled(EventId event, OrganizationId organization, Instant at) {
}
