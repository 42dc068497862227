package io.usher.inventory.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.inventory.BuyerLimitReached;
import io.usher.inventory.NotEnough;
import io.usher.inventory.SeatTaken;

/**
 * Application-level group commit. Requests for one event queue up; one worker per event takes everything that
 * arrived within {@code usher.inventory.batch-window} (up to {@code max-batch}) and applies it in a single
 * transaction: one lock and one update per counter row, one insert of all holds, one commit, then answers
 * each request with its own result. Requests are allotted in arrival order, each all or nothing. The commit
 * stays synchronous, so an answered hold is durable; the database constraints still guard every row.
 * <p>
 * If a batch fails as a whole (a database error), each of its requests is retried alone with the row-lock
 * design, so one poisoned request cannot fail its neighbours.
 */
@Component
class CoalescingClaims implements ClaimStrategy, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CoalescingClaims.class);
    private static final Duration IDLE = Duration.ofMinutes(1);
    /** Free seats looked at beyond what a batch asks for, to find adjacent runs. */
    private static final int SEAT_WINDOW = 256;
    /** A request never waits longer than this for its batch, whatever goes wrong. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final HoldWriter writer;
    private final TransactionTemplate tx;
    private final RowLockClaims fallback;
    private final Duration window;
    private final int maxBatch;
    private final Map<UUID, EventQueue> queues = new ConcurrentHashMap<>();
    private final DistributionSummary batchSizes;
    private volatile boolean stopped;

    CoalescingClaims(HoldWriter writer, TransactionTemplate tx, RowLockClaims fallback, InventoryProperties properties,
            MeterRegistry meters) {
        this.writer = writer;
        this.tx = tx;
        this.fallback = fallback;
        this.window = properties.batchWindow();
        this.maxBatch = properties.maxBatch();
        this.batchSizes = DistributionSummary.builder("usher.inventory.batch.size")
                .description("Hold requests per coalesced transaction").register(meters);
    }

    @Override
    public Strategy kind() {
        return Strategy.COALESCING;
    }

    @Override
    public ClaimOutcome claim(Claim claim) {
        var pending = new Pending(claim, new CompletableFuture<>());
        while (true) {
            var queue = queues.computeIfAbsent(claim.event(), EventQueue::new);
            if (queue.offer(pending)) {
                return pending.result().orTimeout(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            }
            // the queue was retiring after being idle; a fresh one takes over
            queues.remove(claim.event(), queue);
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        queues.values().forEach(EventQueue::stop);
    }

    private record Pending(Claim claim, CompletableFuture<ClaimOutcome> result) {
    }

    /** One event's queue and its worker (a virtual thread). */
    private final class EventQueue {

        private final UUID event;
        private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
        private final Thread worker;
        private boolean retired;

        EventQueue(UUID event) {
            this.event = event;
            this.worker = Thread.ofVirtual().name("inventory-batch-" + event).start(this::run);
        }

        synchronized boolean offer(Pending pending) {
            if (retired) {
                return false;
            }
            waiting.add(pending);
            return true;
        }

        void stop() {
            worker.interrupt();
        }

        private void run() {
            try {
                while (!stopped) {
                    var first = waiting.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (retireIfIdle()) {
                            return;
                        }
                        continue;
                    }
                    var batch = new ArrayList<Pending>();
                    batch.add(first);
                    long deadline = System.nanoTime() + window.toNanos();
                    while (batch.size() < maxBatch) {
                        long left = deadline - System.nanoTime();
                        var next = left > 0 ? waiting.poll(left, TimeUnit.NANOSECONDS) : waiting.poll();
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                    }
                    try {
                        process(batch);
                    } catch (RuntimeException | Error unexpected) {
                        log.error("A batch of {} hold requests failed unexpectedly", batch.size(), unexpected);
                        batch.forEach(p -> p.result().completeExceptionally(unexpected));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                failWaiting();
            }
        }

        private synchronized boolean retireIfIdle() {
            if (waiting.isEmpty()) {
                retired = true;
                queues.remove(event, this);
                return true;
            }
            return false;
        }

        private void failWaiting() {
            Pending pending;
            while ((pending = waiting.poll()) != null) {
                pending.result().completeExceptionally(new IllegalStateException("inventory is shutting down"));
            }
        }
    }

    private void process(List<Pending> batch) {
        batchSizes.record(batch.size());
        var claims = batch.stream().map(Pending::claim).toList();
        Map<Claim, ClaimOutcome> outcomes;
        try {
            outcomes = tx.execute(status -> applyBatch(claims));
        } catch (RuntimeException e) {
            log.warn("A batch of {} hold requests failed; retrying them one by one", batch.size(), e);
            for (var pending : batch) {
                try {
                    pending.result().complete(fallback.claim(pending.claim()));
                } catch (RuntimeException single) {
                    pending.result().completeExceptionally(single);
                }
            }
            return;
        }
        for (var pending : batch) {
            pending.result().complete(outcomes.get(pending.claim()));
        }
    }

    private Map<Claim, ClaimOutcome> applyBatch(List<Claim> claims) {
        var outcomes = new LinkedHashMap<Claim, ClaimOutcome>();
        var fresh = writer.reserveKeys(claims);
        var freshSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Claim, Boolean>());
        freshSet.addAll(fresh);
        for (var claim : claims) {
            if (!freshSet.contains(claim)) {
                outcomes.put(claim, new ClaimOutcome.Duplicate());
            }
        }
        if (fresh.isEmpty()) {
            return outcomes;
        }
        var event = fresh.getFirst().event();
        var generalAdmission = new HashSet<UUID>();
        fresh.forEach(claim -> claim.items().forEach(item -> generalAdmission.add(item.ticketType())));
        var remaining = new HashMap<UUID, Integer>();
        writer.lockCounters(generalAdmission)
                .forEach((type, row) -> remaining.put(type, row.capacity() - row.held() - row.sold()));
        var totals = writer.lockBuyerTotals(event, fresh.stream().map(Claim::buyer).toList());
        var changedTotals = new HashMap<UUID, Integer>();
        var heldDelta = new HashMap<UUID, Integer>();
        var seatsTakenInBatch = new HashSet<UUID>();
        var freeSeats = new HashMap<UUID, List<StockStore.SeatRow>>();
        // the front of the free seats is where best-available picks come from: enough for every seat the batch
        // asks for, with room to find adjacent runs
        var wantedSeats = new HashMap<UUID, Integer>();
        fresh.stream().filter(Claim::wantsBestSeats)
                .forEach(claim -> wantedSeats.merge(claim.bestType(), claim.bestQuantity(), Integer::sum));
        var accepted = new ArrayList<Claim>();
        var seatsByHold = new HashMap<UUID, List<Claim.ChosenSeat>>();

        for (var claim : fresh) {
            int already = totals.get(claim.buyer());
            if (already + claim.quantity() > claim.maxPerBuyer()) {
                outcomes.put(claim, new ClaimOutcome.Refused(new BuyerLimitReached(claim.maxPerBuyer(), already)));
                continue;
            }
            var shortage = shortage(claim, remaining);
            if (shortage != null) {
                outcomes.put(claim, new ClaimOutcome.Refused(shortage));
                continue;
            }
            List<Claim.ChosenSeat> seats = claim.seats();
            if (!seats.isEmpty()) {
                var clash = seats.stream().map(Claim.ChosenSeat::seatId).filter(seatsTakenInBatch::contains)
                        .map(SeatId::new).toList();
                if (!clash.isEmpty()) {
                    outcomes.put(claim, new ClaimOutcome.Refused(new SeatTaken(clash)));
                    continue;
                }
            }
            if (claim.wantsBestSeats()) {
                var free = freeSeats.computeIfAbsent(claim.bestType(),
                        type -> writer.freeSeats(type, SEAT_WINDOW + 4 * wantedSeats.get(type)));
                var picked = SeatPicker.pick(free, seatsTakenInBatch, claim.bestQuantity());
                if (picked.size() < claim.bestQuantity()) {
                    int left = (int) free.stream().filter(s -> !seatsTakenInBatch.contains(s.seatId())).count();
                    outcomes.put(claim, new ClaimOutcome.Refused(
                            new NotEnough(Map.of(new TicketTypeId(claim.bestType()), left))));
                    continue;
                }
                seats = picked.stream().map(id -> new Claim.ChosenSeat(id, claim.bestType())).toList();
            }
            claim.items().forEach(item -> {
                remaining.merge(item.ticketType(), -item.quantity(), Integer::sum);
                heldDelta.merge(item.ticketType(), item.quantity(), Integer::sum);
            });
            seats.forEach(seat -> seatsTakenInBatch.add(seat.seatId()));
            totals.put(claim.buyer(), already + claim.quantity());
            changedTotals.put(claim.buyer(), already + claim.quantity());
            accepted.add(claim);
            seatsByHold.put(claim.holdId(), seats);
        }

        var places = refuseSeatsTakenElsewhere(accepted, seatsByHold, totals, changedTotals, outcomes);
        heldDelta.forEach(writer::addHeld);
        writer.saveBuyerTotals(event, changedTotals);
        writer.insertHolds(accepted, seatsByHold);
        for (var claim : accepted) {
            outcomes.put(claim, new ClaimOutcome.Placed(claim.holdId(),
                    ClaimOutcome.PlacedSeat.of(seatsByHold.get(claim.holdId()), places)));
        }
        var answered = new LinkedHashMap<Claim, ClaimOutcome>();
        fresh.forEach(claim -> answered.put(claim, outcomes.get(claim)));
        writer.recordAnswers(answered);
        return outcomes;
    }

    /**
     * Takes the batch's seats in one statement. A seat another transaction (another instance, or a hold made
     * before this batch) has taken fails the request that wanted it; its other seats go back.
     */
    private Map<UUID, HoldWriter.SeatPlace> refuseSeatsTakenElsewhere(List<Claim> accepted,
            Map<UUID, List<Claim.ChosenSeat>> seatsByHold, Map<UUID, Integer> totals, Map<UUID, Integer> changedTotals,
            Map<Claim, ClaimOutcome> outcomes) {
        var holdBySeat = new LinkedHashMap<UUID, UUID>();
        seatsByHold.forEach((hold, seats) -> seats.forEach(seat -> holdBySeat.put(seat.seatId(), hold)));
        if (holdBySeat.isEmpty()) {
            return Map.of();
        }
        var taken = writer.takeSeats(accepted.getFirst().event(), holdBySeat);
        if (taken.size() == holdBySeat.size()) {
            return taken;
        }
        var failed = new ArrayList<UUID>();
        for (var iterator = accepted.iterator(); iterator.hasNext();) {
            var claim = iterator.next();
            var missing = seatsByHold.get(claim.holdId()).stream().map(Claim.ChosenSeat::seatId)
                    .filter(id -> !taken.containsKey(id)).map(SeatId::new).toList();
            if (!missing.isEmpty()) {
                iterator.remove();
                seatsByHold.remove(claim.holdId());
                failed.add(claim.holdId());
                int total = totals.merge(claim.buyer(), -claim.quantity(), Integer::sum);
                changedTotals.put(claim.buyer(), total);
                outcomes.put(claim, new ClaimOutcome.Refused(new SeatTaken(missing)));
            }
        }
        writer.putBackSeats(failed);
        return taken;
    }

    private static NotEnough shortage(Claim claim, Map<UUID, Integer> remaining) {
        boolean enough = true;
        var left = new HashMap<TicketTypeId, Integer>();
        for (var item : claim.items()) {
            int available = remaining.getOrDefault(item.ticketType(), 0);
            left.put(new TicketTypeId(item.ticketType()), Math.max(available, 0));
            enough &= available >= item.quantity();
        }
        return enough ? null : new NotEnough(left);
    }

}
