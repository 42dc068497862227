package io.usher.inventory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.TicketTypeId;
import io.usher.inventory.NotEnough;

/**
 * The classic booking design: {@code SELECT … FOR UPDATE} on each ticket type's counter row, check, update.
 * Correct and simple, but every request for a ticket type waits for the previous one to commit.
 */
@Component
class RowLockClaims extends PerRequestClaims {

    RowLockClaims(HoldWriter writer, TransactionTemplate tx) {
        super(writer, tx);
    }

    @Override
    public Strategy kind() {
        return Strategy.ROW_LOCK;
    }

    @Override
    protected Map<UUID, StockStore.StockRow> lockBeforeClaiming(Claim claim) {
        var types = new ArrayList<UUID>();
        claim.items().forEach(item -> types.add(item.ticketType()));
        claim.seats().forEach(seat -> types.add(seat.ticketType()));
        if (claim.wantsBestSeats()) {
            types.add(claim.bestType());
        }
        return writer.lockCounters(types);
    }

    @Override
    protected ClaimOutcome.Refused claimGeneralAdmission(Claim claim, Map<UUID, StockStore.StockRow> counters) {
        var remaining = new HashMap<TicketTypeId, Integer>();
        boolean enough = true;
        for (var item : claim.items()) {
            var row = counters.get(item.ticketType());
            int left = row.capacity() - row.held() - row.sold();
            remaining.put(new TicketTypeId(item.ticketType()), left);
            enough &= left >= item.quantity();
        }
        if (!enough) {
            return new ClaimOutcome.Refused(new NotEnough(remaining));
        }
        claim.items().forEach(item -> writer.addHeld(item.ticketType(), item.quantity()));
        return null;
    }
}
