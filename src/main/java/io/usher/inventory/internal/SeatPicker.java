package io.usher.inventory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Chooses the best free seats: the first run of adjacent seats in one row, front to back; else the first free ones. */
final class SeatPicker {

    private SeatPicker() {
    }

    /**
     * @param free free seats ordered by section, row and number
     * @param taken seats to treat as unavailable (given to earlier requests of the same batch)
     * @return {@code quantity} seat ids, or fewer when not enough are free
     */
    static List<UUID> pick(List<StockStore.SeatRow> free, Set<UUID> taken, int quantity) {
        var run = new ArrayList<StockStore.SeatRow>();
        for (var seat : free) {
            if (taken.contains(seat.seatId())) {
                continue;
            }
            if (!run.isEmpty()) {
                var last = run.getLast();
                if (!last.section().equals(seat.section()) || last.rowOrder() != seat.rowOrder()
                        || seat.number() != last.number() + 1) {
                    run.clear();
                }
            }
            run.add(seat);
            if (run.size() == quantity) {
                return ids(run);
            }
        }
        var scattered = new ArrayList<UUID>();
        for (var seat : free) {
            if (!taken.contains(seat.seatId())) {
                scattered.add(seat.seatId());
                if (scattered.size() == quantity) {
                    break;
                }
            }
        }
        return scattered;
    }

    private static List<UUID> ids(Collection<StockStore.SeatRow> seats) {
        return seats.stream().map(StockStore.SeatRow::seatId).toList();
    }
}
