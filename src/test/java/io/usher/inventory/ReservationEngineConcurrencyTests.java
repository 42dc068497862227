package io.usher.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.common.SeatId;
import io.usher.identity.UserId;
import io.usher.inventory.internal.Strategy;
import io.usher.support.IntegrationTest;
import io.usher.support.StockFixtures;

/**
 * The correctness suite every strategy passes: many threads hold random quantities, chosen seats and best
 * seats at once on real PostgreSQL; then SQL proves nothing was oversold or seated twice, and that expiry
 * (run by several sweepers at once) returns exactly what was held.
 */
class ReservationEngineConcurrencyTests extends IntegrationTest {

    private static final int CAPACITY = 400;
    private static final int ROWS = 15;
    private static final int THREADS = 48;
    private static final int REQUESTS_PER_THREAD = 30;

    @Autowired
    Inventory inventory;

    @Autowired
    StockFixtures fixtures;

    @Autowired
    io.usher.inventory.internal.HoldService holds;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void neverOversellsNorSeatsTwiceAndExpiryReturnsExactlyWhatWasHeld(Strategy strategy) throws Exception {
        var sale = fixtures.onSale(strategy, CAPACITY, ROWS, 20, Duration.ofMinutes(10));
        var buyers = new ArrayList<UserId>();
        for (int i = 0; i < 150; i++) {
            buyers.add(new UserId(UUID.randomUUID()));
        }
        var heldGeneral = new AtomicInteger();
        var heldSeats = Collections.synchronizedList(new ArrayList<SeatId>());
        var refusals = new AtomicInteger();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    start.await();
                    var random = ThreadLocalRandom.current();
                    for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                        var buyer = buyers.get(random.nextInt(buyers.size()));
                        var key = UUID.randomUUID().toString();
                        int quantity = 1 + random.nextInt(4);
                        HoldRequest request = switch (random.nextInt(10)) {
                            case 0, 1 -> new HoldRequest.Seats(sale.event(), buyer, key, randomSeats(sale.seats(), quantity));
                            case 2, 3 -> new HoldRequest.BestAvailable(sale.event(), buyer, key, sale.seated(), quantity);
                            default -> new HoldRequest.Quantities(sale.event(), buyer, key,
                                    List.of(new HoldRequest.Item(sale.generalAdmission(), quantity)));
                        };
                        try {
                            var hold = inventory.hold(request);
                            hold.items().stream().filter(i -> i.ticketType().equals(sale.generalAdmission()))
                                    .forEach(i -> heldGeneral.addAndGet(i.quantity()));
                            hold.seats().forEach(seat -> heldSeats.add(seat.id()));
                        } catch (NotEnough | SeatTaken | BuyerLimitReached expected) {
                            refusals.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        }

        var event = sale.event().value();
        assertThat(refusals.get()).as("demand far beyond supply").isPositive();
        assertThat(heldGeneral.get()).as("general admission sold out exactly").isEqualTo(CAPACITY);
        assertThat(activeQuantity(event, sale.generalAdmission().value())).isEqualTo(heldGeneral.get());
        assertThat(heldSeats).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                select count(*) from (select hs.seat_id from inventory_hold_seats hs
                    join inventory_holds h on h.id = hs.hold_id where h.status = 'ACTIVE' and h.event_id = :e
                    group by hs.seat_id having count(*) > 1) twice
                """).param("e", event).query(Long.class).single()).as("seats held twice").isZero();
        assertThat(jdbc.sql("select count(*) from inventory_seats where ticket_type_id = :t and hold_id is not null")
                .param("t", sale.seated().value()).query(Integer.class).single()).isEqualTo(heldSeats.size());
        assertThat(heldGeneral.get() + heldSeats.size()).isEqualTo(buyerTotals(event));
        assertThat(jdbc.sql("select max(quantity) from inventory_buyer_totals where event_id = :e")
                .param("e", event).query(Integer.class).single()).isLessThanOrEqualTo(20);
        if (strategy == Strategy.SKIP_LOCKED) {
            assertThat(heldUnits(sale.generalAdmission().value())).isEqualTo(heldGeneral.get());
        } else {
            assertThat(counterHeld(sale.generalAdmission().value())).isEqualTo(heldGeneral.get());
        }

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        try (var sweepers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                sweepers.submit(() -> {
                    while (!holdsExpiredOf(event)) {
                        expireSome();
                    }
                    return null;
                });
            }
        }

        assertThat(activeQuantity(event, sale.generalAdmission().value())).isZero();
        assertThat(counterHeld(sale.generalAdmission().value())).isZero();
        assertThat(heldUnits(sale.generalAdmission().value())).isZero();
        assertThat(jdbc.sql("select count(*) from inventory_seats where ticket_type_id = :t and hold_id is null and not sold")
                .param("t", sale.seated().value()).query(Integer.class).single()).isEqualTo(ROWS * 10);
        assertThat(buyerTotals(event)).isZero();
        assertThat(jdbc.sql("select count(*) from inventory_holds where event_id = :e and status = 'EXPIRED'")
                .param("e", event).query(Integer.class).single()).isPositive();
        var availability = holdsAvailabilityFresh(sale);
        assertThat(availability.ticketTypes()).allMatch(t -> t.available() == t.capacity());
    }

    private Availability holdsAvailabilityFresh(StockFixtures.OnSale sale) {
        holds.forget(sale.event());
        return inventory.availability(sale.event());
    }

    @Autowired
    io.usher.inventory.internal.InventoryTestAccess access;

    private void expireSome() {
        access.expireDue(50);
    }

    private boolean holdsExpiredOf(UUID event) {
        return jdbc.sql("select count(*) from inventory_holds where event_id = :e and status = 'ACTIVE'")
                .param("e", event).query(Integer.class).single() == 0;
    }

    private int activeQuantity(UUID event, UUID type) {
        return jdbc.sql("""
                select coalesce(sum(i.quantity), 0) from inventory_hold_items i join inventory_holds h on h.id = i.hold_id
                where h.event_id = :e and h.status = 'ACTIVE' and i.ticket_type_id = :t
                """).param("e", event).param("t", type).query(Integer.class).single();
    }

    private int counterHeld(UUID type) {
        return jdbc.sql("select held from inventory_stock where ticket_type_id = :t").param("t", type)
                .query(Integer.class).single();
    }

    private int heldUnits(UUID type) {
        return jdbc.sql("select count(*) from inventory_units where ticket_type_id = :t and hold_id is not null")
                .param("t", type).query(Integer.class).single();
    }

    private int buyerTotals(UUID event) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from inventory_buyer_totals where event_id = :e")
                .param("e", event).query(Integer.class).single();
    }

    private static List<SeatId> randomSeats(List<SeatId> seats, int quantity) {
        var copy = new ArrayList<>(seats);
        Collections.shuffle(copy);
        return copy.subList(0, quantity);
    }
}
