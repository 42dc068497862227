package io.usher.inventory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.usher.common.SeatId;
import io.usher.inventory.EventNotOnSale;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.InvalidHoldRequest;
import io.usher.inventory.OutsideSaleWindow;
import io.usher.inventory.SeatNotFound;
import io.usher.inventory.TicketTypeNotFound;

/**
 * Checks a hold request against the event's sale rules before any stock is touched. Rules are cached per
 * event for the availability TTL (a second): a published or cancelled event takes effect within it.
 */
@Component
class HoldValidator {

    private static final int MAX_PER_REQUEST = 20;

    private final StockStore stock;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<UUID, EventSnapshot> snapshots;

    HoldValidator(StockStore stock, JdbcClient jdbc, Clock clock, InventoryProperties properties) {
        this.stock = stock;
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshots = Caffeine.newBuilder().expireAfterWrite(properties.availabilityTtl()).maximumSize(10_000).build();
    }

    /** An event's rules and ticket types, as cached. */
    record EventSnapshot(StockStore.EventRules rules, Map<UUID, StockStore.StockRow> ticketTypes) {
    }

    EventSnapshot snapshot(UUID event) {
        return snapshots.get(event, id -> stock.rules(id).map(rules -> {
            var types = new HashMap<UUID, StockStore.StockRow>();
            stock.stockOf(id).forEach(row -> types.put(row.ticketTypeId(), row));
            return new EventSnapshot(rules, Map.copyOf(types));
        }).orElse(null));
    }

    void forget(UUID event) {
        snapshots.invalidate(event);
    }

    Claim validate(HoldRequest request) {
        var snapshot = snapshot(request.event().value());
        if (snapshot == null || !snapshot.rules().onSale()) {
            throw new EventNotOnSale();
        }
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                || request.idempotencyKey().length() > 100) {
            throw new InvalidHoldRequest("An Idempotency-Key header of 1–100 characters is required.");
        }
        if (request.quantity() < 1 || request.quantity() > MAX_PER_REQUEST) {
            throw new InvalidHoldRequest("A hold takes 1–" + MAX_PER_REQUEST + " tickets.");
        }
        var now = clock.instant();
        var rules = snapshot.rules();
        var base = new Claim(UUID.randomUUID(), request.event().value(), request.buyer().value(),
                request.idempotencyKey(), hash(request), List.of(), List.of(), null, 0, request.quantity(),
                rules.maxPerBuyer(), now, now.plus(rules.holdDuration()));
        return switch (request) {
            case HoldRequest.Quantities quantities -> {
                var seen = new HashSet<UUID>();
                var items = quantities.items().stream().map(item -> {
                    var type = ticketType(snapshot, item.ticketType().value());
                    if (!seen.add(type.ticketTypeId())) {
                        throw new InvalidHoldRequest("Each ticket type may appear once.");
                    }
                    if (type.seated()) {
                        throw new InvalidHoldRequest("This ticket type is seated: choose seats or ask for the best available.");
                    }
                    checkSelling(type, item.quantity());
                    return new Claim.Item(type.ticketTypeId(), item.quantity());
                }).toList();
                if (items.isEmpty()) {
                    throw new InvalidHoldRequest("Name at least one ticket type.");
                }
                yield withItems(base, items);
            }
            case HoldRequest.Seats chosen -> {
                var ids = chosen.seats().stream().map(SeatId::value).toList();
                if (new HashSet<>(ids).size() != ids.size()) {
                    throw new InvalidHoldRequest("Each seat may appear once.");
                }
                var typeBySeat = seatTypes(request.event().value(), ids);
                var perType = new HashMap<UUID, Integer>();
                var seats = ids.stream().map(id -> {
                    var type = typeBySeat.get(id);
                    if (type == null || !snapshot.ticketTypes().containsKey(type)) {
                        throw new SeatNotFound();
                    }
                    perType.merge(type, 1, Integer::sum);
                    return new Claim.ChosenSeat(id, type);
                }).toList();
                perType.forEach((type, count) -> checkSelling(snapshot.ticketTypes().get(type), count));
                yield withSeats(base, seats);
            }
            case HoldRequest.BestAvailable best -> {
                var type = ticketType(snapshot, best.ticketType().value());
                if (!type.seated()) {
                    throw new InvalidHoldRequest("Best available applies to seated ticket types; give a quantity instead.");
                }
                checkSelling(type, best.quantity());
                yield withBest(base, type.ticketTypeId(), best.quantity());
            }
        };
    }

    private StockStore.StockRow ticketType(EventSnapshot snapshot, UUID id) {
        var type = snapshot.ticketTypes().get(id);
        if (type == null) {
            throw new TicketTypeNotFound();
        }
        return type;
    }

    private void checkSelling(StockStore.StockRow type, int quantity) {
        if (!type.sellingAt(clock.instant())) {
            throw new OutsideSaleWindow(type.saleStartsAt(), type.saleEndsAt());
        }
        if (quantity < type.minPerOrder() || quantity > type.maxPerOrder()) {
            throw new InvalidHoldRequest("This ticket type sells " + type.minPerOrder() + "–" + type.maxPerOrder()
                    + " tickets per order.");
        }
    }

    private Map<UUID, UUID> seatTypes(UUID event, List<UUID> seats) {
        var types = new HashMap<UUID, UUID>();
        jdbc.sql("""
                select seat_id, ticket_type_id from inventory_seats
                where event_id = :event and seat_id = any(cast(:ids as uuid[]))
                """)
                .param("event", event)
                .param("ids", seats.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> types.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        return types;
    }

    private static Claim withItems(Claim c, List<Claim.Item> items) {
        return new Claim(c.holdId(), c.event(), c.buyer(), c.idempotencyKey(), c.requestHash(), items, List.of(), null,
                0, c.quantity(), c.maxPerBuyer(), c.now(), c.expiresAt());
    }

    private static Claim withSeats(Claim c, List<Claim.ChosenSeat> seats) {
        return new Claim(c.holdId(), c.event(), c.buyer(), c.idempotencyKey(), c.requestHash(), List.of(), seats, null,
                0, c.quantity(), c.maxPerBuyer(), c.now(), c.expiresAt());
    }

    private static Claim withBest(Claim c, UUID type, int quantity) {
        return new Claim(c.holdId(), c.event(), c.buyer(), c.idempotencyKey(), c.requestHash(), List.of(), List.of(),
                type, quantity, c.quantity(), c.maxPerBuyer(), c.now(), c.expiresAt());
    }

    /** A fingerprint of what was asked, to tell a repeated request from a different one under the same key. */
    static String hash(HoldRequest request) {
        var canonical = switch (request) {
            case HoldRequest.Quantities q -> "Q|" + q.event() + "|" + q.items().stream()
                    .map(i -> i.ticketType() + "x" + i.quantity()).sorted().toList();
            case HoldRequest.Seats s -> "S|" + s.event() + "|" + s.seats().stream().map(SeatId::toString).sorted().toList();
            case HoldRequest.BestAvailable b -> "B|" + b.event() + "|" + b.ticketType() + "x" + b.quantity();
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
