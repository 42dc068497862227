package io.usher.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.inventory.Inventory;
import io.usher.inventory.SaleRules;
import io.usher.inventory.SeatDefinition;
import io.usher.inventory.StockDefinition;
import io.usher.inventory.internal.Provisioning;
import io.usher.inventory.internal.Strategy;

/** Defines events' stock through inventory's API, the way catalog does, for inventory's own tests. */
@Component
public class StockFixtures {

    private final Inventory inventory;
    private final Provisioning provisioning;
    private final TransactionTemplate tx;

    public StockFixtures(Inventory inventory, Provisioning provisioning, TransactionTemplate tx) {
        this.inventory = inventory;
        this.provisioning = provisioning;
        this.tx = tx;
    }

    /** An event on sale with a general-admission type and a seated type. */
    public record OnSale(EventId event, TicketTypeId generalAdmission, TicketTypeId seated, List<SeatId> seats) {
    }

    /**
     * @param rows rows of the seated type, 10 seats each, in one section "A"
     */
    public OnSale onSale(Strategy strategy, int capacity, int rows, int maxPerBuyer, Duration hold) {
        var event = EventId.random();
        var ga = TicketTypeId.random();
        var seated = TicketTypeId.random();
        var seats = new ArrayList<SeatDefinition>();
        for (int row = 1; row <= rows; row++) {
            for (int number = 1; number <= 10; number++) {
                seats.add(new SeatDefinition(SeatId.random(), "A", Integer.toString(row), row, number, number == 1));
            }
        }
        tx.executeWithoutResult(status -> {
            inventory.defineSaleRules(new SaleRules(event, true, hold, maxPerBuyer));
            inventory.defineStock(new StockDefinition(event, ga, capacity, null, null, 1, 10, List.of()));
            if (!seats.isEmpty()) {
                inventory.defineStock(new StockDefinition(event, seated, seats.size(), null, null, 1, 10, seats));
            }
        });
        provisioning.useStrategy(event.value(), strategy);
        return new OnSale(event, ga, seated, seats.stream().map(SeatDefinition::id).toList());
    }

    public OnSale onSale(Strategy strategy, int capacity, int rows) {
        return onSale(strategy, capacity, rows, 20, Duration.ofMinutes(10));
    }

    /** Changes the sale rules (e.g. takes the event off sale). */
    public void rules(SaleRules rules) {
        tx.executeWithoutResult(status -> inventory.defineSaleRules(rules));
    }

    public void stock(StockDefinition definition) {
        tx.executeWithoutResult(status -> inventory.defineStock(definition));
    }

    public static Instant farFuture() {
        return Instant.parse("2099-01-01T00:00:00Z");
    }
}
