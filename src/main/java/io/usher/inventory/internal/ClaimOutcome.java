package io.usher.inventory.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.usher.common.UsherException;

/** What a strategy did with one claim. */
sealed interface ClaimOutcome {

    /** Stock claimed and the hold written. */
    record Placed(UUID holdId, List<PlacedSeat> seats) implements ClaimOutcome {
    }

    /** A seat the hold got, and where it is. */
    record PlacedSeat(UUID seatId, UUID ticketType, String section, String row, int number) {

        static List<PlacedSeat> of(List<Claim.ChosenSeat> seats, Map<UUID, HoldWriter.SeatPlace> places) {
            return seats.stream().map(seat -> {
                var place = places.get(seat.seatId());
                return new PlacedSeat(seat.seatId(), seat.ticketType(), place.section(), place.row(), place.number());
            }).toList();
        }
    }

    /** Not enough stock, seat taken, buyer limit: the refusal was recorded for the idempotency key. */
    record Refused(UsherException reason) implements ClaimOutcome {
    }

    /** The idempotency key was already answered (or is being answered): replay what is stored. */
    record Duplicate() implements ClaimOutcome {
    }
}
