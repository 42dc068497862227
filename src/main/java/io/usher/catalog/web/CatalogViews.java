package io.usher.catalog.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.usher.catalog.EventCategory;
import io.usher.catalog.EventStatus;
import io.usher.catalog.internal.Event;
import io.usher.catalog.internal.EventListing;
import io.usher.catalog.internal.EventSummary;
import io.usher.catalog.internal.Page;
import io.usher.catalog.internal.SeatingPlan;
import io.usher.catalog.internal.TicketType;
import io.usher.catalog.internal.Venue;
import io.usher.catalog.internal.VenueLayout;
import io.usher.common.Money;

/**
 * The JSON shapes catalog's API answers with. Start and end come as the organizer gave them (local to
 * {@code timezone}) and as UTC instants ({@code startsAtUtc}, {@code endsAtUtc}).
 */
final class CatalogViews {

    private CatalogViews() {
    }

    record PriceView(long priceMinor, String currency) {

        static PriceView of(Money money) {
            return money == null ? null : new PriceView(money.minor(), money.currency().getCurrencyCode());
        }
    }

    record VenueRef(UUID id, String name, String address, String timezone, Integer capacity) {
    }

    record EventSummaryView(UUID id, UUID organizationId, String title, EventCategory category, EventStatus status,
            VenueRef venue, String location, String timezone, LocalDateTime startsAt, LocalDateTime endsAt,
            Instant startsAtUtc, Instant endsAtUtc, String imageUrl, PriceView lowestPrice) {

        static EventSummaryView of(EventSummary summary) {
            var event = summary.event();
            var content = event.content();
            var schedule = content.schedule();
            var venue = content.venue() == null ? null : new VenueRef(content.venue().value(), summary.venueName(),
                    summary.venueAddress(), schedule.zone().getId(), null);
            return new EventSummaryView(event.id().value(), event.organization().value(), content.title(),
                    content.category(), event.status(), venue, content.location(), schedule.zone().getId(),
                    schedule.startsLocal(), schedule.endsLocal(), schedule.startsAt(), schedule.endsAt(),
                    content.imageUrl(), PriceView.of(summary.lowestPrice()));
        }
    }

    record EventPageView(List<EventSummaryView> items, long total, int page, int size) {

        static EventPageView of(Page<EventSummary> page) {
            return new EventPageView(page.items().stream().map(EventSummaryView::of).toList(), page.total(),
                    page.page(), page.size());
        }
    }

    record TicketTypeView(UUID id, UUID eventId, String name, long priceMinor, long feeMinor, String currency, boolean seated,
            int capacity, List<UUID> sectionIds, Instant saleStartsAt, Instant saleEndsAt, int minPerOrder,
            int maxPerOrder) {

        static TicketTypeView of(TicketType type) {
            return new TicketTypeView(type.id().value(), type.event().value(), type.name(), type.price().minor(), type.fee(),
                    type.price().currency().getCurrencyCode(), type.seated(), type.capacity(),
                    type.seated() ? type.sections() : null, type.saleStartsAt(), type.saleEndsAt(),
                    type.minPerOrder(), type.maxPerOrder());
        }
    }

    /** Seats carry the ids this event sells them under: the ones to hold and to find in availability. */
    record SeatMapView(List<SeatMapSection> sections) {
    }

    /** @param ticketTypeId the ticket type selling this section's seats; absent when none does */
    record SeatMapSection(UUID id, String name, UUID ticketTypeId, List<SeatMapRow> rows) {
    }

    record SeatMapRow(UUID id, String label, List<SeatMapSeat> seats) {
    }

    record SeatMapSeat(UUID id, int number, String label, boolean accessible) {
    }

    record EventView(UUID id, UUID organizationId, String title, String description, String descriptionHtml,
            EventCategory category, EventStatus status, VenueRef venue, String location, String timezone,
            LocalDateTime startsAt, LocalDateTime endsAt, Instant startsAtUtc, Instant endsAtUtc, String imageUrl,
            int holdDurationMinutes, int maxTicketsPerBuyer, int taxRateBasisPoints, Integer refundDaysBefore, List<TicketTypeView> ticketTypes,
            SeatMapView seatingPlan, Instant createdAt, Instant updatedAt, Instant publishedAt) {

        static EventView of(EventListing listing) {
            Event event = listing.event();
            var content = event.content();
            var schedule = content.schedule();
            var venue = listing.venue() == null ? null : new VenueRef(listing.venue().id().value(),
                    listing.venue().name(), listing.venue().address(), listing.venue().timezone().getId(),
                    listing.venue().capacity());
            var seatMap = listing.plan().isEmpty() ? null : new SeatMapView(listing.plan().sections().stream()
                    .map(section -> new SeatMapSection(section.id(), section.name(),
                            listing.sectionTicketTypes().containsKey(section.id())
                                    ? listing.sectionTicketTypes().get(section.id()).value() : null,
                            section.rows().stream().map(row -> new SeatMapRow(row.id(), row.label(),
                                    row.seats().stream().map(seat -> new SeatMapSeat(
                                            listing.eventSeat(seat.id()).value(), seat.number(), seat.label(),
                                            seat.accessible())).toList()))
                                    .toList()))
                    .toList());
            return new EventView(event.id().value(), event.organization().value(), content.title(),
                    content.description(), content.descriptionHtml(), content.category(), event.status(), venue,
                    content.location(), schedule.zone().getId(), schedule.startsLocal(), schedule.endsLocal(),
                    schedule.startsAt(), schedule.endsAt(), content.imageUrl(), content.holdMinutes(),
                    content.maxPerBuyer(), content.taxRateBasisPoints(), content.refundDaysBefore(), listing.ticketTypes().stream().map(TicketTypeView::of).toList(), seatMap,
                    event.createdAt(), event.updatedAt(), event.publishedAt());
        }
    }

    record VenueSummaryView(UUID id, UUID organizationId, String name, String address, String timezone,
            int capacity) {

        static VenueSummaryView of(Venue venue) {
            return new VenueSummaryView(venue.id().value(), venue.organization().value(), venue.name(),
                    venue.address(), venue.timezone().getId(), venue.capacity());
        }
    }

    record PlanSeatView(UUID id, int number, String label, boolean accessible) {
    }

    record PlanRowView(UUID id, String label, List<PlanSeatView> seats) {
    }

    record PlanSectionView(UUID id, String name, int seatCount, List<PlanRowView> rows) {
    }

    record PlanView(int seatCount, List<PlanSectionView> sections) {

        static PlanView of(SeatingPlan plan) {
            return new PlanView(plan.seatCount(), plan.sections().stream()
                    .map(section -> new PlanSectionView(section.id(), section.name(), section.seatCount(),
                            section.rows().stream().map(row -> new PlanRowView(row.id(), row.label(),
                                    row.seats().stream().map(seat -> new PlanSeatView(seat.id(), seat.number(),
                                            seat.label(), seat.accessible())).toList()))
                                    .toList()))
                    .toList());
        }
    }

    record VenueView(UUID id, UUID organizationId, String name, String address, String timezone, int capacity,
            PlanView seatingPlan, Instant createdAt, Instant updatedAt) {

        static VenueView of(VenueLayout layout) {
            var venue = layout.venue();
            return new VenueView(venue.id().value(), venue.organization().value(), venue.name(), venue.address(),
                    venue.timezone().getId(), venue.capacity(), PlanView.of(layout.plan()), venue.createdAt(),
                    venue.updatedAt());
        }
    }
}
