package io.usher.inventory.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.TicketTypeId;
import io.usher.inventory.NotEnough;

/**
 * The alf.io design: one row per sellable unit, claimed with {@code FOR UPDATE SKIP LOCKED} through a partial
 * index of free units, so concurrent requests take different rows instead of queueing on one.
 */
@Component
class SkipLockedClaims extends PerRequestClaims {

    /** Free seats a request locks to choose from: enough for a run of adjacent seats in a row or two. */
    private static final int SEAT_WINDOW = 64;

    private final JdbcClient jdbc;

    SkipLockedClaims(HoldWriter writer, TransactionTemplate tx, JdbcClient jdbc) {
        super(writer, tx);
        this.jdbc = jdbc;
    }

    @Override
    public Strategy kind() {
        return Strategy.SKIP_LOCKED;
    }

    @Override
    protected Map<UUID, StockStore.StockRow> lockBeforeClaiming(Claim claim) {
        return Map.of();
    }

    @Override
    protected ClaimOutcome.Refused claimGeneralAdmission(Claim claim, Map<UUID, StockStore.StockRow> unused) {
        for (var item : claim.items()) {
            int taken = writer.takeUnits(item.ticketType(), item.quantity(), claim.holdId(), capacity(item.ticketType()));
            if (taken < item.quantity()) {
                writer.putBackUnits(claim.holdId());
                var remaining = new HashMap<TicketTypeId, Integer>();
                claim.items().forEach(i -> remaining.put(new TicketTypeId(i.ticketType()), freeUnits(i.ticketType())));
                return new ClaimOutcome.Refused(new NotEnough(remaining));
            }
        }
        return null;
    }

    /** Picks within a window of free seats this transaction locked, so concurrent requests never collide. */
    @Override
    protected java.util.List<UUID> pickBestSeats(Claim claim) {
        var window = writer.lockFreeSeats(claim.bestType(), Math.max(SEAT_WINDOW, claim.bestQuantity()));
        return SeatPicker.pick(window, java.util.Set.of(), claim.bestQuantity());
    }

    private int capacity(UUID ticketType) {
        return jdbc.sql("select capacity from inventory_stock where ticket_type_id = :type")
                .param("type", ticketType).query(Integer.class).single();
    }

    private int freeUnits(UUID ticketType) {
        return jdbc.sql("""
                select count(*) from inventory_units where ticket_type_id = :type and hold_id is null and not sold
                """).param("type", ticketType).query(Integer.class).single();
    }
}
