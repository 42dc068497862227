package io.usher.catalog.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.usher.catalog.internal.EventListing;
import io.usher.catalog.internal.SeatingPlan;
import io.usher.catalog.internal.TicketType;
import io.usher.inventory.Availability;

/**
 * A seating plan laid out for an SVG: the stage on top, then each section with its rows front to back, each
 * row centred under the widest one. Seats carry their state (free, taken, selected) as the page was rendered;
 * {@code static/js/seatmap.js} keeps them current from the availability stream and lets buyers pick them.
 *
 * @param selectable whether buyers pick seats on it (the storefront) or only look at it (organizers)
 * @param kind {@code buyers} (free, taken, picked), {@code organizers} (free, held, sold) or {@code plan}
 * @param style scales up on wide screens, and down on narrow ones only a little, so seats stay big enough to tap;
 *        beyond that the frame scrolls sideways
 */
record SeatMap(int width, int height, boolean selectable, String kind, String summary, List<Section> sections,
        String viewBox, String style, int stageX, int stageWidth, int center, boolean anyUnsold) {

    static final int PITCH = 24;
    static final int RADIUS = 9;
    static final int LEFT = 44;
    static final int STAGE = 56;
    static final int SECTION_HEADER = 34;
    static final int SECTION_GAP = 18;
    /** Wide enough for a section's title over a short row. */
    static final int MIN_WIDTH = 360;

    /**
     * @param ticketTypeId the ticket type selling the section; {@code null} when none does
     * @param sold whether its seats are for sale (else they are shown, but cannot be picked)
     */
    record Section(UUID id, String name, UUID ticketTypeId, String ticketTypeName, String price, int maxPerOrder,
            boolean sold, int labelY, String label, List<Row> rows) {
    }

    record Row(String label, int labelY, List<Seat> seats) {
    }

    /**
     * @param label where the seat is, "Section A, row 3, seat 12" (plus "accessible seat"), without its state
     * @param state {@code free}, {@code taken}, {@code selected} or {@code unsold} for buyers; {@code free},
     *        {@code held}, {@code sold} or {@code unsold} for organizers
     */
    record Seat(UUID id, int x, int y, boolean accessible, String label, String state, String ariaLabel,
            boolean checked, boolean taken, int corner, int top, int size) {

        static Seat of(UUID id, int x, int y, boolean accessible, String label, String state) {
            var word = switch (state) {
                case "free" -> "free";
                case "selected" -> "selected";
                case "taken", "held", "sold" -> "taken";
                default -> "not on sale";
            };
            // Accessible seats are squares, so they differ by shape and not only by colour.
            return new Seat(id, x, y, accessible, label, state, label + ", " + word, "selected".equals(state),
                    !"free".equals(state) && !"selected".equals(state), x - RADIUS, y - RADIUS, 2 * RADIUS);
        }
    }

    /** How a seat's state reads on a map. */
    @FunctionalInterface
    private interface SeatStates {
        String of(TicketType seller, UUID seat);
    }

    /**
     * The map buyers pick seats on: a seat is free, taken (held or sold, whoever by) or picked by this buyer.
     *
     * @param sellers the ticket type selling each section (by section id)
     * @param states each sold seat's state now
     */
    static SeatMap forBuyers(SeatingPlan plan, Map<UUID, TicketType> sellers, Map<UUID, Availability.SeatState> states,
            Set<UUID> selected, boolean selectable) {
        return of(plan, sellers, selectable, "buyers", (seller, seat) -> {
            if (seller == null) {
                return "unsold";
            }
            var state = states.get(seat);
            if (state == Availability.SeatState.HELD || state == Availability.SeatState.SOLD) {
                return "taken";
            }
            return selected.contains(seat) ? "selected" : "free";
        });
    }

    /** The map organizers watch: held and sold seats apart. */
    static SeatMap forOrganizers(SeatingPlan plan, Map<UUID, TicketType> sellers,
            Map<UUID, Availability.SeatState> states) {
        return of(plan, sellers, false, "organizers", (seller, seat) -> {
            if (seller == null) {
                return "unsold";
            }
            var state = states.get(seat);
            return state == null ? "free" : state.name().toLowerCase(Locale.ROOT);
        });
    }

    /** The ticket type selling each section of the event's venue (by section id). */
    static Map<UUID, TicketType> sellers(EventListing listing) {
        var types = listing.ticketTypes().stream().collect(Collectors.toMap(TicketType::id, Function.identity()));
        var sellers = new HashMap<UUID, TicketType>();
        listing.sectionTicketTypes().forEach((section, type) -> sellers.put(section, types.get(type)));
        return sellers;
    }

    /** A venue's plan on its own: every seat as a seat, nothing sold. */
    static SeatMap plan(SeatingPlan plan) {
        return of(plan, Map.of(), false, "plan", (seller, seat) -> "free");
    }

    private static SeatMap of(SeatingPlan plan, Map<UUID, TicketType> sellers, boolean selectable, String kind,
            SeatStates states) {
        int widest = plan.sections().stream().flatMap(s -> s.rows().stream()).mapToInt(r -> r.seats().size()).max()
                .orElse(1);
        int seatsWidth = LEFT * 2 + widest * PITCH;
        int width = Math.max(MIN_WIDTH, seatsWidth);
        int y = STAGE + SECTION_GAP;
        var planOnly = "plan".equals(kind);
        var sections = new ArrayList<Section>();
        for (var section : plan.sections()) {
            var seller = sellers.get(section.id());
            int labelY = y + 20;
            y += SECTION_HEADER;
            var rows = new ArrayList<Row>();
            for (var row : section.rows()) {
                int rowY = y + PITCH / 2;
                int start = LEFT + (widest - row.seats().size()) * PITCH / 2 + PITCH / 2;
                var seats = new ArrayList<Seat>();
                for (int i = 0; i < row.seats().size(); i++) {
                    var seat = row.seats().get(i);
                    var label = "Section " + section.name() + ", row " + row.label() + ", seat " + seat.label()
                            + (seat.accessible() ? ", accessible seat" : "");
                    seats.add(Seat.of(seat.id(), start + i * PITCH, rowY, seat.accessible(), label,
                            states.of(seller, seat.id())));
                }
                rows.add(new Row(row.label(), rowY + 5, seats));
                y += PITCH;
            }
            var title = "Section " + section.name() + (planOnly ? ""
                    : seller == null ? " (not on sale)" : " · " + seller.name() + " · " + Formats.money(seller.price()));
            sections.add(new Section(section.id(), section.name(), seller == null ? null : seller.id().value(),
                    seller == null ? null : seller.name(), seller == null ? null : Formats.money(seller.price()),
                    seller == null ? 0 : seller.maxPerOrder(), planOnly || seller != null, labelY, title, rows));
            y += SECTION_GAP;
        }
        var summary = "Seat map: " + Formats.count(plan.sections().size(), "section", "sections") + ", "
                + Formats.count(plan.seatCount(), "seat", "seats") + ".";
        var height = y;
        return new SeatMap(width, height, selectable, kind, summary, sections, "0 0 " + width + " " + height,
                "min-width: " + Math.min(width, Math.max(300, seatsWidth * 17 / 20)) + "px; max-width: "
                        + width * 3 / 2 + "px",
                width / 4, width / 2, width / 2, sections.stream().anyMatch(section -> !section.sold()));
    }
}
