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
 * @param place where it takes place: the venue's name and address, or the organizer's free-text location
 * @param taxRateBasisPoints tax orders add, in hundredths of a percent (1,900 = 19 %)
 * @param refundDaysBefore buyers may cancel for a full refund until this many days before {@code startsAt};
 *        {@code null} = buyers cannot cancel themselves
 */
public record CatalogEvent(EventId id, OrganizationId organization, String title, String place, EventStatus status,
        Instant startsAt, Instant endsAt, String timezone, int taxRateBasisPoints, Integer refundDaysBefore,
        List<Offer> ticketTypes) {

    public CatalogEvent {
        ticketTypes = List.copyOf(ticketTypes);
    }

    /** Until when a buyer may cancel for a full refund; empty when the event offers no refunds. */
    public java.util.Optional<Instant> refundDeadline() {
        return refundDaysBefore == null ? java.util.Optional.empty()
                : java.util.Optional.of(startsAt.minus(java.time.Duration.ofDays(refundDaysBefore)));
    }

    /** A ticket type, its price and the service fee added per ticket (same currency). */
    public record Offer(TicketTypeId id, String name, Money price, Money fee, boolean seated) {
    }
}
