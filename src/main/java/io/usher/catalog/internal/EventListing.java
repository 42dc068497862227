package io.usher.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;

/**
 * An event with everything its page shows: the venue (or none), the ticket types, and for an event with
 * seated ticket types the venue's plan with the ticket type selling each section.
 *
 * @param plan empty unless the event has seated ticket types
 */
public record EventListing(Event event, Venue venue, List<TicketType> ticketTypes, SeatingPlan plan,
        Map<UUID, TicketTypeId> sectionTicketTypes) {

    /** The id under which this event sells a seat of its venue's plan (holds and availability use it). */
    public SeatId eventSeat(UUID venueSeat) {
        return new SeatId(venueSeat);
    }
}
