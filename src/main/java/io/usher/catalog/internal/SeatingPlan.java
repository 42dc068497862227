package io.usher.catalog.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A venue's seats: sections, their rows front to back, the seats along each row. Every part has a stable id;
 * seats are numbered along their row (adjacent seats differ by one) and carry a display label.
 */
public record SeatingPlan(List<Section> sections) {

    public SeatingPlan {
        sections = List.copyOf(sections);
    }

    public static SeatingPlan empty() {
        return new SeatingPlan(List.of());
    }

    public int seatCount() {
        return sections.stream().mapToInt(Section::seatCount).sum();
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** The seats of these sections, in plan order. */
    public Stream<PlacedSeat> seatsOf(Set<UUID> sectionIds) {
        return sections.stream().filter(s -> sectionIds.contains(s.id()))
                .flatMap(section -> section.rows().stream()
                        .flatMap(row -> row.seats().stream().map(seat -> new PlacedSeat(section, row, seat))));
    }

    public record Section(UUID id, String name, int position, List<Row> rows) {

        public Section {
            rows = List.copyOf(rows);
        }

        public int seatCount() {
            return rows.stream().mapToInt(r -> r.seats().size()).sum();
        }
    }

    public record Row(UUID id, String label, int position, List<Seat> seats) {

        public Row {
            seats = List.copyOf(seats);
        }
    }

    public record Seat(UUID id, int number, String label, boolean accessible) {
    }

    /** A seat with where it is. */
    public record PlacedSeat(Section section, Row row, Seat seat) {
    }
}
