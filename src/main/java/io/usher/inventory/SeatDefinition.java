package io.usher.inventory;

import java.util.Objects;

import io.usher.common.SeatId;

/**
 * A sellable seat: where it is ({@code rowOrder} sorts rows front to back, {@code number} seats along a row,
 * so adjacent seats differ by one).
 */
public record SeatDefinition(SeatId id, String section, String row, int rowOrder, int number, boolean accessible) {

    public SeatDefinition {
        Objects.requireNonNull(id, "seat id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(row, "row");
    }

    public String label() {
        return section + "-" + row + "-" + number;
    }
}
