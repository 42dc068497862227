package io.usher.inventory.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.common.UsherException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL every strategy shares. Statements take whole batches (arrays, {@code unnest}) so that the
 * coalescing strategy writes N requests with a constant number of round trips.
 */
@Repository
class HoldWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HoldWriter(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the idempotency keys as pending; returns the claims whose key was new (the rest are repeats). */
    List<Claim> reserveKeys(List<Claim> claims) {
        var inserted = new HashSet<String>(jdbc.sql("""
                insert into inventory_hold_requests (buyer_id, idempotency_key, request_hash, status, response, created_at)
                select k.buyer, k.key, k.hash, 0, '', :now
                from unnest(cast(:buyers as uuid[]), cast(:keys as text[]), cast(:hashes as text[])) as k(buyer, key, hash)
                on conflict (buyer_id, idempotency_key) do nothing
                returning buyer_id || ' ' || idempotency_key
                """)
                .param("buyers", claims.stream().map(c -> c.buyer().toString()).toArray(String[]::new))
                .param("keys", claims.stream().map(Claim::idempotencyKey).toArray(String[]::new))
                .param("hashes", claims.stream().map(Claim::requestHash).toArray(String[]::new))
                .param("now", Timestamp.from(claims.getFirst().now()))
                .query(String.class).list());
        var fresh = new ArrayList<Claim>();
        var seen = new HashSet<String>();
        for (var claim : claims) {
            var key = claim.buyer() + " " + claim.idempotencyKey();
            // the same key twice in one batch: only the first is fresh
            if (inserted.contains(key) && seen.add(key)) {
                fresh.add(claim);
            }
        }
        return fresh;
    }

    /** Stores the answer of each claim: 201 with the hold id, or the refusal as a problem. */
    void recordAnswers(Map<Claim, ClaimOutcome> outcomes) {
        var buyers = new ArrayList<String>();
        var keys = new ArrayList<String>();
        var statuses = new ArrayList<Integer>();
        var responses = new ArrayList<String>();
        outcomes.forEach((claim, outcome) -> {
            switch (outcome) {
                case ClaimOutcome.Placed placed -> {
                    statuses.add(201);
                    responses.add(placed.holdId().toString());
                }
                case ClaimOutcome.Refused refused -> {
                    statuses.add(refused.reason().status());
                    responses.add(json.writeValueAsString(Map.of("code", refused.reason().code(),
                            "detail", refused.reason().getMessage(), "properties", refused.reason().properties())));
                }
                case ClaimOutcome.Duplicate duplicate -> {
                    return;
                }
            }
            buyers.add(claim.buyer().toString());
            keys.add(claim.idempotencyKey());
        });
        if (buyers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update inventory_hold_requests r set status = a.status, response = a.response
                from unnest(cast(:buyers as uuid[]), cast(:keys as text[]), cast(:statuses as int[]),
                            cast(:responses as text[])) as a(buyer, key, status, response)
                where r.buyer_id = a.buyer and r.idempotency_key = a.key
                """)
                .param("buyers", buyers.toArray(String[]::new)).param("keys", keys.toArray(String[]::new))
                .param("statuses", statuses.toArray(Integer[]::new))
                .param("responses", responses.toArray(String[]::new))
                .update();
    }

    /** A stored answer. */
    record StoredAnswer(String requestHash, int status, String response) {
    }

    Optional<StoredAnswer> storedAnswer(UUID buyer, String key) {
        return jdbc.sql("""
                select request_hash, status, response from inventory_hold_requests
                where buyer_id = :buyer and idempotency_key = :key
                """)
                .param("buyer", buyer).param("key", key)
                .query((rs, row) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
    }

    /** Locks the buyers' per-event totals (creating missing ones at zero) and returns them. */
    Map<UUID, Integer> lockBuyerTotals(UUID event, Collection<UUID> buyers) {
        var ids = buyers.stream().distinct().sorted().map(UUID::toString).toArray(String[]::new);
        jdbc.sql("""
                insert into inventory_buyer_totals (event_id, buyer_id, quantity)
                select :event, b, 0 from unnest(cast(:buyers as uuid[])) as b
                on conflict do nothing
                """)
                .param("event", event).param("buyers", ids).update();
        var totals = new HashMap<UUID, Integer>();
        jdbc.sql("""
                select buyer_id, quantity from inventory_buyer_totals
                where event_id = :event and buyer_id = any(cast(:buyers as uuid[]))
                order by buyer_id for update
                """)
                .param("event", event).param("buyers", ids)
                .query((rs, row) -> totals.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return totals;
    }

    void saveBuyerTotals(UUID event, Map<UUID, Integer> totals) {
        if (totals.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update inventory_buyer_totals t set quantity = n.quantity
                from unnest(cast(:buyers as uuid[]), cast(:quantities as int[])) as n(buyer, quantity)
                where t.event_id = :event and t.buyer_id = n.buyer
                """)
                .param("event", event)
                .param("buyers", totals.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .param("quantities", totals.values().toArray(Integer[]::new))
                .update();
    }

    /** Writes the holds, their items and their seats. */
    void insertHolds(List<Claim> claims, Map<UUID, List<Claim.ChosenSeat>> seatsByHold) {
        if (claims.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into inventory_holds (id, event_id, buyer_id, status, quantity, created_at, expires_at)
                select h.id, h.event, h.buyer, 'ACTIVE', h.quantity, h.created, h.expires
                from unnest(cast(:ids as uuid[]), cast(:events as uuid[]), cast(:buyers as uuid[]),
                            cast(:quantities as int[]), cast(:created as timestamptz[]), cast(:expires as timestamptz[]))
                     as h(id, event, buyer, quantity, created, expires)
                """)
                .param("ids", claims.stream().map(c -> c.holdId().toString()).toArray(String[]::new))
                .param("events", claims.stream().map(c -> c.event().toString()).toArray(String[]::new))
                .param("buyers", claims.stream().map(c -> c.buyer().toString()).toArray(String[]::new))
                .param("quantities", claims.stream().map(Claim::quantity).toArray(Integer[]::new))
                .param("created", claims.stream().map(c -> c.now().toString()).toArray(String[]::new))
                .param("expires", claims.stream().map(c -> c.expiresAt().toString()).toArray(String[]::new))
                .update();
        var itemHolds = new ArrayList<String>();
        var itemTypes = new ArrayList<String>();
        var itemQuantities = new ArrayList<Integer>();
        for (var claim : claims) {
            var perType = new HashMap<UUID, Integer>();
            claim.items().forEach(item -> perType.merge(item.ticketType(), item.quantity(), Integer::sum));
            seatsByHold.getOrDefault(claim.holdId(), List.of())
                    .forEach(seat -> perType.merge(seat.ticketType(), 1, Integer::sum));
            perType.forEach((type, quantity) -> {
                itemHolds.add(claim.holdId().toString());
                itemTypes.add(type.toString());
                itemQuantities.add(quantity);
            });
        }
        jdbc.sql("""
                insert into inventory_hold_items (hold_id, ticket_type_id, quantity)
                select * from unnest(cast(:holds as uuid[]), cast(:types as uuid[]), cast(:quantities as int[]))
                """)
                .param("holds", itemHolds.toArray(String[]::new)).param("types", itemTypes.toArray(String[]::new))
                .param("quantities", itemQuantities.toArray(Integer[]::new))
                .update();
        var seatHolds = new ArrayList<String>();
        var seatIds = new ArrayList<String>();
        var seatTypes = new ArrayList<String>();
        seatsByHold.forEach((hold, seats) -> seats.forEach(seat -> {
            seatHolds.add(hold.toString());
            seatIds.add(seat.seatId().toString());
            seatTypes.add(seat.ticketType().toString());
        }));
        if (!seatIds.isEmpty()) {
            jdbc.sql("""
                    insert into inventory_hold_seats (hold_id, seat_id, ticket_type_id)
                    select * from unnest(cast(:holds as uuid[]), cast(:seats as uuid[]), cast(:types as uuid[]))
                    """)
                    .param("holds", seatHolds.toArray(String[]::new)).param("seats", seatIds.toArray(String[]::new))
                    .param("types", seatTypes.toArray(String[]::new))
                    .update();
        }
    }

    /** Counter bookkeeping: adds {@code delta} to what is held of a ticket type. */
    void addHeld(UUID ticketType, int delta) {
        jdbc.sql("update inventory_stock set held = held + :delta where ticket_type_id = :type")
                .param("type", ticketType).param("delta", delta).update();
    }

    /** Locks the counter rows of these ticket types, in a fixed order, and returns them. */
    Map<UUID, StockStore.StockRow> lockCounters(Collection<UUID> ticketTypes) {
        var rows = new HashMap<UUID, StockStore.StockRow>();
        jdbc.sql("""
                select * from inventory_stock where ticket_type_id = any(cast(:types as uuid[]))
                order by ticket_type_id for update
                """)
                .param("types", ticketTypes.stream().distinct().map(UUID::toString).toArray(String[]::new))
                .query(StockStore::stockRow).list().forEach(row -> rows.put(row.ticketTypeId(), row));
        return rows;
    }

    /** Where a taken seat is, as the claiming statement returned it. */
    record SeatPlace(String section, String row, int number) {
    }

    /** Marks free seats of the event as held by the given holds; returns the seats it could take. */
    Map<UUID, SeatPlace> takeSeats(UUID event, Map<UUID, UUID> holdBySeat) {
        var taken = new HashMap<UUID, SeatPlace>();
        if (holdBySeat.isEmpty()) {
            return taken;
        }
        jdbc.sql("""
                update inventory_seats s set hold_id = x.hold
                from unnest(cast(:seats as uuid[]), cast(:holds as uuid[])) as x(seat, hold)
                where s.event_id = :event and s.seat_id = x.seat and s.hold_id is null and not s.sold
                returning s.seat_id, s.section, s.row_label, s.number
                """)
                .param("event", event)
                .param("seats", holdBySeat.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .param("holds", holdBySeat.values().stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> taken.put(rs.getObject(1, UUID.class),
                        new SeatPlace(rs.getString(2), rs.getString(3), rs.getInt(4))))
                .list();
        return taken;
    }

    /** Gives back seats a request took before it failed in the same transaction. */
    void putBackSeats(Collection<UUID> holdIds) {
        if (!holdIds.isEmpty()) {
            jdbc.sql("update inventory_seats set hold_id = null where hold_id = any(cast(:holds as uuid[])) and not sold")
                    .param("holds", holdIds.stream().map(UUID::toString).toArray(String[]::new)).update();
        }
    }

    /** The first {@code limit} free seats of a seated type, front to back, along each row. */
    List<StockStore.SeatRow> freeSeats(UUID ticketType, int limit) {
        return jdbc.sql("""
                select * from inventory_seats where ticket_type_id = :type and hold_id is null and not sold
                order by section, row_order, number limit :limit
                """)
                .param("type", ticketType).param("limit", limit).query(StockStore::seatRow).list();
    }

    /**
     * skip-locked: claims up to {@code quantity} free units for the hold, skipping rows others have locked. The
     * scan starts at a random unit (wrapping around): always starting at the lowest number would walk over the
     * index entries of every unit already claimed, which grows with every sale until vacuum catches up.
     */
    int takeUnits(UUID ticketType, int quantity, UUID holdId, int capacity) {
        int from = capacity <= 1 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextInt(capacity);
        int taken = takeUnitsFrom(ticketType, quantity, holdId, from, Integer.MAX_VALUE);
        if (taken < quantity && from > 0) {
            taken += takeUnitsFrom(ticketType, quantity - taken, holdId, 0, from);
        }
        return taken;
    }

    private int takeUnitsFrom(UUID ticketType, int quantity, UUID holdId, int from, int before) {
        return jdbc.sql("""
                update inventory_units set hold_id = :hold
                where (ticket_type_id, unit_no) in (
                    select ticket_type_id, unit_no from inventory_units
                    where ticket_type_id = :type and hold_id is null and not sold
                      and unit_no >= :from and unit_no < :before
                    order by unit_no limit :quantity for update skip locked)
                """)
                .param("type", ticketType).param("quantity", quantity).param("hold", holdId)
                .param("from", from).param("before", before).update();
    }

    /**
     * The best free seats of a seated type, chosen in the database: the first run of {@code quantity} adjacent
     * free seats in one row, front to back, else the first free seats. Used by the per-request strategies,
     * which claim them afterwards with {@link #takeSeats} (another request may have been faster).
     */
    List<UUID> bestFreeSeats(UUID ticketType, int quantity) {
        var adjacent = jdbc.sql("""
                with free as (
                    select seat_id, section, row_order, number,
                           number - row_number() over (partition by section, row_order order by number) as run
                    from inventory_seats
                    where ticket_type_id = :type and hold_id is null and not sold
                ), first_run as (
                    select section, row_order, run from free
                    group by section, row_order, run having count(*) >= :quantity
                    order by section, row_order, min(number) limit 1
                )
                select f.seat_id from free f join first_run r using (section, row_order, run)
                order by f.number limit :quantity
                """)
                .param("type", ticketType).param("quantity", quantity).query(UUID.class).list();
        if (adjacent.size() == quantity) {
            return adjacent;
        }
        return jdbc.sql("""
                select seat_id from inventory_seats where ticket_type_id = :type and hold_id is null and not sold
                order by section, row_order, number limit :quantity
                """)
                .param("type", ticketType).param("quantity", quantity).query(UUID.class).list();
    }

    /**
     * Locks up to {@code limit} free seats, front to back, skipping seats other transactions have locked, and
     * returns them: the skip-locked way to pick seats, so concurrent requests get different candidates.
     */
    List<StockStore.SeatRow> lockFreeSeats(UUID ticketType, int limit) {
        return jdbc.sql("""
                select * from inventory_seats where ticket_type_id = :type and hold_id is null and not sold
                order by section, row_order, number limit :limit for update skip locked
                """)
                .param("type", ticketType).param("limit", limit).query(StockStore::seatRow).list();
    }

    int freeSeatCount(UUID ticketType) {
        return jdbc.sql("select count(*) from inventory_seats where ticket_type_id = :type and hold_id is null and not sold")
                .param("type", ticketType).query(Integer.class).single();
    }

    void putBackUnits(UUID holdId) {
        jdbc.sql("update inventory_units set hold_id = null where hold_id = :hold and not sold")
                .param("hold", holdId).update();
    }

    /** Decodes a stored refusal back into its problem parts. */
    StoredRefusal refusal(StoredAnswer answer) {
        var node = json.readTree(answer.response());
        var properties = new HashMap<String, Object>();
        node.get("properties").propertyNames().forEach(name ->
                properties.put(name, json.convertValue(node.get("properties").get(name), Object.class)));
        return new StoredRefusal(answer.status(), node.get("code").asString(), node.get("detail").asString(), properties);
    }

    /** A refusal as it was first answered, given again for a repeated request. */
    static final class StoredRefusal extends UsherException {

        private final Map<String, Object> properties;

        StoredRefusal(int status, String code, String detail, Map<String, Object> properties) {
            super(status, code, detail);
            this.properties = Map.copyOf(properties);
        }

        @Override
        public Map<String, Object> properties() {
            return properties;
        }
    }
}
