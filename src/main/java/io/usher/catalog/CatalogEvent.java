package io.usher.catalog;

import java.time.Instant;
import java.util.List;

import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.common.TicketTypeId;
import io.usher.identity.OrganizationId;

/** An event as other modules see it: what it is, when, and what it sells at which price. */
public record CatalogEvent(EventId id, OrganizationId organization, String title, EventStatus status,
        Instant startsAt, Instant endsAt, String timezone, List<Offer> ticketTypes) {

    public CatalogEvent {
        ticketTypes = List.copyOf(ticketTypes);
    }

    /** A ticket type and its price. */
    public record Offer(TicketTypeId id, String name, Money price, boolean seated) {
    }
}
