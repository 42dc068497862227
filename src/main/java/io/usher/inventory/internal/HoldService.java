package io.usher.inventory.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.usher.common.EventId;
import io.usher.common.UsherException;
import io.usher.identity.UserId;
import io.usher.inventory.Availability;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.HoldNotFound;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.IdempotencyKeyReused;

/** Places holds through the event's strategy, replays answers to repeated requests, serves availability. */
@Service
public class HoldService {

    private final HoldValidator validator;
    private final HoldWriter writer;
    private final HoldLifecycle lifecycle;
    private final StockStore stock;
    private final Clock clock;
    private final Map<Strategy, ClaimStrategy> strategies = new EnumMap<>(Strategy.class);
    private final Cache<UUID, Availability> availability;
    private final Cache<String, Set<UUID>> eventsWithStock;

    HoldService(HoldValidator validator, HoldWriter writer, HoldLifecycle lifecycle, StockStore stock, Clock clock,
            List<ClaimStrategy> strategies, InventoryProperties properties) {
        this.validator = validator;
        this.writer = writer;
        this.lifecycle = lifecycle;
        this.stock = stock;
        this.clock = clock;
        strategies.forEach(strategy -> this.strategies.put(strategy.kind(), strategy));
        this.availability = Caffeine.newBuilder().expireAfterWrite(properties.availabilityTtl()).maximumSize(10_000)
                .build();
        this.eventsWithStock = Caffeine.newBuilder().expireAfterWrite(properties.availabilityTtl()).build();
    }

    /**
     * Places a hold. A repeated Idempotency-Key is recognised inside the claiming transaction (the key's row is
     * written there), so the common path costs no extra query; a request refused before it gets there (the
     * event went off sale since, say) still gets the answer stored for its key, if there is one.
     */
    public Hold place(HoldRequest request) {
        Claim claim;
        try {
            claim = validator.validate(request);
        } catch (UsherException refusal) {
            var stored = writer.storedAnswer(request.buyer().value(), request.idempotencyKey());
            if (stored.isPresent()) {
                return replay(request, stored.get());
            }
            throw refusal;
        }
        var strategy = strategies.get(validator.snapshot(claim.event()).rules().strategy());
        return switch (strategy.claim(claim)) {
            case ClaimOutcome.Placed placed -> new Hold(new HoldId(placed.holdId()), request.event(), request.buyer(),
                    Hold.Status.ACTIVE, claim.now(), claim.expiresAt(), items(claim, placed), seats(placed));
            case ClaimOutcome.Refused refused -> throw refused.reason();
            case ClaimOutcome.Duplicate duplicate -> replay(request,
                    writer.storedAnswer(request.buyer().value(), request.idempotencyKey()).orElseThrow());
        };
    }

    private Hold replay(HoldRequest request, HoldWriter.StoredAnswer answer) {
        if (!answer.requestHash().equals(HoldValidator.hash(request))) {
            throw new IdempotencyKeyReused();
        }
        if (answer.status() == 0) {
            throw new RequestInProgress();
        }
        if (answer.status() == 201) {
            return lifecycle.find(UUID.fromString(answer.response())).orElseThrow(HoldNotFound::new);
        }
        throw writer.refusal(answer);
    }

    public Optional<Hold> find(HoldId id, UserId buyer) {
        return lifecycle.find(id.value()).filter(hold -> hold.buyer().equals(buyer));
    }

    public void release(HoldId id, UserId buyer) {
        lifecycle.release(id.value(), buyer.value());
    }

    public Hold confirm(HoldId id) {
        return lifecycle.confirm(id.value());
    }

    /** Returns a confirmed hold's tickets to stock; true the first time, false when it was returned before. */
    public boolean returnSold(HoldId id) {
        var event = lifecycle.returnSold(id.value());
        event.ifPresent(returned -> forgetAfterCommit(new EventId(returned)));
        return event.isPresent();
    }

    private void forgetAfterCommit(EventId event) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            forget(event);
                        }
                    });
        } else {
            forget(event);
        }
    }

    public Availability availability(EventId event) {
        return availability.get(event.value(), id -> stock.rules(id)
                .map(rules -> new Availability(event, clock.instant(), stock.availability(id, rules.strategy())))
                .orElse(new Availability(event, clock.instant(), List.of())));
    }

    public Set<EventId> eventsWithStockLeft() {
        return eventsWithStock.get("all", key -> stock.eventsWithStockLeft()).stream().map(EventId::new)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Forgets cached rules and availability of an event whose definition just changed. */
    public void forget(EventId event) {
        validator.forget(event.value());
        availability.invalidate(event.value());
        eventsWithStock.invalidateAll();
    }

    private static List<HoldRequest.Item> items(Claim claim, ClaimOutcome.Placed placed) {
        var perType = new java.util.TreeMap<UUID, Integer>();
        claim.items().forEach(item -> perType.merge(item.ticketType(), item.quantity(), Integer::sum));
        placed.seats().forEach(seat -> perType.merge(seat.ticketType(), 1, Integer::sum));
        return perType.entrySet().stream()
                .map(e -> new HoldRequest.Item(new io.usher.common.TicketTypeId(e.getKey()), e.getValue())).toList();
    }

    private static List<Hold.HeldSeat> seats(ClaimOutcome.Placed placed) {
        return placed.seats().stream()
                .map(seat -> new Hold.HeldSeat(new io.usher.common.SeatId(seat.seatId()),
                        new io.usher.common.TicketTypeId(seat.ticketType()), seat.section(), seat.row(), seat.number()))
                .sorted(java.util.Comparator.comparing(Hold.HeldSeat::section).thenComparing(Hold.HeldSeat::row)
                        .thenComparingInt(Hold.HeldSeat::number))
                .toList();
    }

    /** 409: the same Idempotency-Key is being answered right now; retry in a moment. */
    static final class RequestInProgress extends UsherException {
        RequestInProgress() {
            super(409, "inventory.request_in_progress",
                    "A request with this Idempotency-Key is still being processed. Retry shortly.");
        }
    }

}
