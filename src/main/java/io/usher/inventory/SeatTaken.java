package io.usher.inventory;

import java.util.List;
import java.util.Map;

import io.usher.common.SeatId;
import io.usher.common.UsherException;

/** 409: some of the chosen seats are held or sold by someone else. */
public class SeatTaken extends UsherException {

    private final List<SeatId> seats;

    public SeatTaken(List<SeatId> seats) {
        super(409, "inventory.seat_taken", "Some of these seats are no longer available.");
        this.seats = List.copyOf(seats);
    }

    public List<SeatId> seats() {
        return seats;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("seats", seats.stream().map(SeatId::toString).toList());
    }
}
