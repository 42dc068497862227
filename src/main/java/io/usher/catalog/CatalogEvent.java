package io.usher.catalog;

import java.time.Instant;
import java.util.List;

import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.common.TicketTypeId;
import io.usher.identity.OrganizationId;

/**
 * An event as other modules see it: what it is, when, and what it sells at which price.
 *
 * @param taxRateBasisPoints tax orders add, in hundredths of a percent (1,900 = 19 %)
 */
public record CatalogEvent(EventId id, OrganizationId organization, String title, EventStatus status,
        Instant startsAt, Instant endsAt, String timezone, int taxRateBasisPoints, List<Offer> ticketTypes) {

    public CatalogEvent {
        ticketTypes = List.copyOf(ticketTypes);
    }

    /** A ticket type, its price and the service fee added per ticket (same currency). */
    public record Offer(TicketTypeId id, String name, Money price, Money fee, boolean seated) {
    }
}
