package io.usher.inventory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.inventory.BuyerLimitReached;
import io.usher.inventory.NotEnough;
import io.usher.inventory.SeatTaken;

/**
 * The two classic designs, one transaction per request. They differ only in how general-admission stock is
 * claimed ({@link #claimGeneralAdmission}); buyer limits, seats and the hold rows are written alike.
 */
abstract class PerRequestClaims implements ClaimStrategy {

    private static final int BEST_SEAT_ATTEMPTS = 5;

    protected final HoldWriter writer;
    private final TransactionTemplate tx;

    PerRequestClaims(HoldWriter writer, TransactionTemplate tx) {
        this.writer = writer;
        this.tx = tx;
    }

    @Override
    public ClaimOutcome claim(Claim claim) {
        return tx.execute(status -> {
            if (writer.reserveKeys(List.of(claim)).isEmpty()) {
                return new ClaimOutcome.Duplicate();
            }
            var outcome = place(claim);
            writer.recordAnswers(Map.of(claim, outcome));
            return outcome;
        });
    }

    private ClaimOutcome place(Claim claim) {
        var counted = lockBeforeClaiming(claim);
        var totals = writer.lockBuyerTotals(claim.event(), List.of(claim.buyer()));
        int already = totals.get(claim.buyer());
        if (already + claim.quantity() > claim.maxPerBuyer()) {
            return new ClaimOutcome.Refused(new BuyerLimitReached(claim.maxPerBuyer(), already));
        }
        var refusal = claimGeneralAdmission(claim, counted);
        if (refusal != null) {
            return refusal;
        }
        var seats = new ArrayList<Claim.ChosenSeat>();
        var places = new HashMap<UUID, HoldWriter.SeatPlace>();
        if (!claim.seats().isEmpty()) {
            var wanted = new LinkedHashMap<UUID, UUID>();
            claim.seats().forEach(seat -> wanted.put(seat.seatId(), claim.holdId()));
            var taken = writer.takeSeats(claim.event(), wanted);
            if (taken.size() < wanted.size()) {
                writer.putBackSeats(List.of(claim.holdId()));
                var missing = wanted.keySet().stream().filter(id -> !taken.containsKey(id)).map(SeatId::new).toList();
                return new ClaimOutcome.Refused(new SeatTaken(missing));
            }
            seats.addAll(claim.seats());
            places.putAll(taken);
        }
        if (claim.wantsBestSeats()) {
            var best = takeBestSeats(claim, places);
            if (best == null) {
                return new ClaimOutcome.Refused(new NotEnough(Map.of(new TicketTypeId(claim.bestType()),
                        writer.freeSeatCount(claim.bestType()))));
            }
            seats.addAll(best);
        }
        var perHold = new HashMap<UUID, List<Claim.ChosenSeat>>();
        perHold.put(claim.holdId(), seats);
        writer.insertHolds(List.of(claim), perHold);
        writer.saveBuyerTotals(claim.event(), Map.of(claim.buyer(), already + claim.quantity()));
        return new ClaimOutcome.Placed(claim.holdId(), ClaimOutcome.PlacedSeat.of(seats, places));
    }

    /** Row-lock locks the counter rows here, before anything else; skip-locked locks nothing up front. */
    protected abstract Map<UUID, StockStore.StockRow> lockBeforeClaiming(Claim claim);

    /** Claims the general-admission items, or returns why not (having written nothing that stays). */
    protected abstract ClaimOutcome.Refused claimGeneralAdmission(Claim claim, Map<UUID, StockStore.StockRow> counted);

    /** Chooses the best free seats for a request; row-lock asks the database, skip-locked a locked window. */
    protected List<UUID> pickBestSeats(Claim claim) {
        return writer.bestFreeSeats(claim.bestType(), claim.bestQuantity());
    }

    private List<Claim.ChosenSeat> takeBestSeats(Claim claim, Map<UUID, HoldWriter.SeatPlace> places) {
        for (int attempt = 0; attempt < BEST_SEAT_ATTEMPTS; attempt++) {
            var picked = pickBestSeats(claim);
            if (picked.size() < claim.bestQuantity()) {
                return null;
            }
            var wanted = new LinkedHashMap<UUID, UUID>();
            picked.forEach(seat -> wanted.put(seat, claim.holdId()));
            var taken = writer.takeSeats(claim.event(), wanted);
            if (taken.size() == picked.size()) {
                places.putAll(taken);
                return picked.stream().map(seat -> new Claim.ChosenSeat(seat, claim.bestType())).toList();
            }
            // another request took one of them meanwhile: give back ours and look again
            writer.putBackSeats(List.of(claim.holdId()));
        }
        return null;
    }
}
