package io.usher.catalog.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.inventory.Inventory;
import io.usher.inventory.SaleRules;
import io.usher.inventory.SeatDefinition;
import io.usher.inventory.StockDefinition;

/**
 * Tells inventory what catalog just changed, in the same transaction: an event's sale rules, a ticket type's
 * stock. If inventory refuses (shrinking below what is held), the catalog change rolls back with it.
 * Seats are sold under the venue's own seat ids; inventory keeps them per event, so a venue's seats sell
 * again at its next event.
 */
@Component
class SaleSync {

    private final Inventory inventory;

    SaleSync(Inventory inventory) {
        this.inventory = inventory;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void rules(Event event) {
        inventory.defineSaleRules(new SaleRules(event.id(), event.status().onSale(),
                Duration.ofMinutes(event.content().holdMinutes()), event.content().maxPerBuyer()));
    }

    /** Defines a ticket type's stock; a seated one's seats are those of its sections in {@code plan}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stock(TicketType type, SeatingPlan plan) {
        var seats = type.seated() ? seats(type.event(), plan, type.sections()) : List.<SeatDefinition>of();
        inventory.defineStock(new StockDefinition(type.event(), type.id(), type.seated() ? seats.size() : type.capacity(),
                type.saleStartsAt(), type.saleEndsAt(), type.minPerOrder(), type.maxPerOrder(), seats));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void remove(TicketType type) {
        inventory.removeStock(type.id(), type.event());
    }

    static List<SeatDefinition> seats(EventId event, SeatingPlan plan, List<UUID> sections) {
        return plan.seatsOf(new HashSet<>(sections))
                .map(placed -> new SeatDefinition(new SeatId(placed.seat().id()), placed.section().name(),
                        placed.row().label(), placed.row().position(), placed.seat().number(),
                        placed.seat().accessible()))
                .toList();
    }
}
