package io.usher.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.UserId;
import io.usher.inventory.internal.Strategy;
import io.usher.support.IntegrationTest;
import io.usher.support.StockFixtures;

/** Sold tickets of a cancelled order go back to stock: counts and seats, exactly once. */
class TicketReturnsIntegrationTests extends IntegrationTest {

    @Autowired
    Inventory inventory;

    @Autowired
    StockFixtures stock;

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void returnsSoldGeneralAdmissionAndSeatsToStockOnce(Strategy strategy) {
        var sale = stock.onSale(strategy, 3, 1);
        var buyer = new UserId(UUID.randomUUID());
        var gaHold = inventory.hold(new HoldRequest.Quantities(sale.event(), buyer, "ga-" + UUID.randomUUID(),
                List.of(new HoldRequest.Item(sale.generalAdmission(), 3))));
        var seatHold = inventory.hold(new HoldRequest.Seats(sale.event(), buyer, "seats-" + UUID.randomUUID(),
                sale.seats().subList(0, 2)));
        inventory.confirm(gaHold.id());
        inventory.confirm(seatHold.id());
        var soldOut = available(sale);

        var first = inventory.returnTickets(gaHold.id()) && inventory.returnTickets(seatHold.id());
        var again = inventory.returnTickets(gaHold.id()) || inventory.returnTickets(seatHold.id());
        var after = available(sale);
        var other = new UserId(UUID.randomUUID());
        var rebought = inventory.hold(new HoldRequest.Seats(sale.event(), other, "again-" + UUID.randomUUID(),
                sale.seats().subList(0, 2)));
        var gaAgain = inventory.hold(new HoldRequest.Quantities(sale.event(), other, "ga-again-" + UUID.randomUUID(),
                List.of(new HoldRequest.Item(sale.generalAdmission(), 3))));

        assertThat(soldOut.ga().available()).isZero();
        assertThat(soldOut.seats().stream().filter(s -> s.state() == Availability.SeatState.SOLD)).hasSize(2);
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(after.ga().available()).isEqualTo(3);
        assertThat(after.seats()).allMatch(s -> s.state() == Availability.SeatState.FREE);
        assertThat(inventory.find(gaHold.id(), buyer).orElseThrow().status()).isEqualTo(Hold.Status.RETURNED);
        assertThat(rebought.seats()).hasSize(2);
        assertThat(gaAgain.quantity()).isEqualTo(3);
    }

    @Test
    void returnsOnceWhenCalledConcurrently() throws Exception {
        var sale = stock.onSale(Strategy.COALESCING, 5, 0);
        var hold = inventory.hold(new HoldRequest.Quantities(sale.event(), new UserId(UUID.randomUUID()),
                "race-" + UUID.randomUUID(), List.of(new HoldRequest.Item(sale.generalAdmission(), 4))));
        inventory.confirm(hold.id());
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Boolean>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    return inventory.returnTickets(hold.id());
                }));
            }
            start.countDown();
            var returned = 0;
            for (var result : results) {
                returned += result.get() ? 1 : 0;
            }
            assertThat(returned).isEqualTo(1);
        }
        assertThat(available(sale).ga().available()).isEqualTo(5);
    }

    @Test
    void refusesToReturnAHoldThatWasNeverSold() {
        var sale = stock.onSale(Strategy.ROW_LOCK, 5, 0);
        var buyer = new UserId(UUID.randomUUID());
        var hold = inventory.hold(new HoldRequest.Quantities(sale.event(), buyer, "active-" + UUID.randomUUID(),
                List.of(new HoldRequest.Item(sale.generalAdmission(), 1))));

        assertThatThrownBy(() -> inventory.returnTickets(hold.id())).isInstanceOf(HoldNotActive.class);
        assertThatThrownBy(() -> inventory.returnTickets(new HoldId(UUID.randomUUID())))
                .isInstanceOf(HoldNotFound.class);
        assertThat(inventory.find(hold.id(), buyer).orElseThrow().status()).isEqualTo(Hold.Status.ACTIVE);
    }

    private record Left(Availability.TicketType ga, List<Availability.Seat> seats) {
    }

    /** Availability is cached for a second; a return forgets the cache after commit, so it is current here. */
    private Left available(StockFixtures.OnSale sale) {
        var availability = inventory.availability(sale.event());
        var ga = availability.ticketTypes().stream().filter(t -> t.id().equals(sale.generalAdmission())).findFirst()
                .orElseThrow();
        var seats = availability.ticketTypes().stream().filter(t -> t.id().equals(sale.seated())).findFirst()
                .map(Availability.TicketType::seats).orElse(List.of());
        return new Left(ga, seats);
    }
}
