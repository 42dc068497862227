package io.usher.inventory.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.usher.inventory.CapacityBelowCommitted;
import io.usher.inventory.InvalidHoldRequest;
import io.usher.inventory.SaleRules;
import io.usher.inventory.SeatDefinition;
import io.usher.inventory.StockDefinition;

/**
 * Keeps inventory's books in step with what catalog defines. Runs in the caller's transaction, so a catalog
 * change and its stock change commit together, and a change inventory refuses (shrinking below what is
 * held and sold) rolls the catalog change back too.
 */
@Service
public class Provisioning {

    private final StockStore stock;
    private final InventoryProperties properties;
    private final Clock clock;

    Provisioning(StockStore stock, InventoryProperties properties, Clock clock) {
        this.stock = stock;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void defineSaleRules(SaleRules rules) {
        stock.upsertRules(rules, properties.defaultStrategy(), clock.instant());
    }

    /**
     * Pins an event to a strategy; only before anything of it was ever held. Switching to or from
     * skip-locked adds or drops the per-unit rows of its general-admission ticket types.
     */
    @Transactional
    public boolean useStrategy(UUID event, Strategy strategy) {
        var before = stock.rules(event).map(StockStore.EventRules::strategy).orElse(null);
        if (before == null || !stock.changeStrategy(event, strategy)) {
            return false;
        }
        for (var row : stock.stockOf(event)) {
            if (row.seated()) {
                continue;
            }
            if (strategy == Strategy.SKIP_LOCKED && before != Strategy.SKIP_LOCKED) {
                stock.addUnits(row.ticketTypeId(), 1, row.capacity());
            } else if (strategy != Strategy.SKIP_LOCKED && before == Strategy.SKIP_LOCKED) {
                stock.removeFreeUnits(row.ticketTypeId(), row.capacity());
            }
        }
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void defineStock(StockDefinition definition) {
        var rules = stock.rules(definition.event().value()).orElseThrow(() -> new IllegalStateException(
                "define the event's sale rules before its stock: " + definition.event()));
        var type = definition.ticketType().value();
        var existing = stock.lockStock(type);
        if (existing.isEmpty()) {
            stock.insertStock(definition);
            provisionNew(definition, rules.strategy());
            return;
        }
        var current = existing.get();
        if (!current.eventId().equals(definition.event().value())) {
            throw new IllegalArgumentException("ticket type " + type + " belongs to another event");
        }
        if (current.seated() != definition.seated()) {
            throw new InvalidHoldRequest("A ticket type cannot switch between general admission and seats.");
        }
        if (definition.seated()) {
            resizeSeats(type, definition);
        } else if (rules.strategy() == Strategy.SKIP_LOCKED) {
            resizeUnits(type, current.capacity(), definition.capacity());
        } else if (definition.capacity() < current.held() + current.sold()) {
            throw new CapacityBelowCommitted(current.held() + current.sold());
        }
        stock.updateStock(definition);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removeStock(UUID ticketType) {
        if (stock.lockStock(ticketType).isEmpty()) {
            return;
        }
        int holds = stock.holdsOf(ticketType);
        if (holds > 0) {
            throw new CapacityBelowCommitted(holds);
        }
        stock.deleteStock(ticketType);
    }

    private void provisionNew(StockDefinition definition, Strategy strategy) {
        var type = definition.ticketType().value();
        if (definition.seated()) {
            var taken = stock.seatsOfOtherTypes(definition.event().value(), type, definition.seats());
            if (!taken.isEmpty()) {
                throw new InvalidHoldRequest("Some seats are already sold under another ticket type.");
            }
            stock.upsertSeats(definition.event().value(), type, definition.seats());
        } else if (strategy == Strategy.SKIP_LOCKED) {
            stock.addUnits(type, 1, definition.capacity());
        }
    }

    private void resizeUnits(UUID type, int current, int wanted) {
        if (wanted > current) {
            var highest = stock.maxUnit(type);
            stock.addUnits(type, highest + 1, highest + (wanted - current));
        } else if (wanted < current) {
            int removed = stock.removeFreeUnits(type, current - wanted);
            if (removed < current - wanted) {
                throw new CapacityBelowCommitted(stock.committedUnits(type));
            }
        }
    }

    private void resizeSeats(UUID type, StockDefinition definition) {
        var wanted = definition.seats().stream().map(s -> s.id().value()).collect(Collectors.toSet());
        var current = stock.seatsOf(type);
        int committed = (int) current.stream().filter(seat -> !seat.free()).count();
        var dropped = new HashSet<UUID>();
        for (var seat : current) {
            if (!wanted.contains(seat.seatId())) {
                if (!seat.free()) {
                    throw new CapacityBelowCommitted(committed);
                }
                dropped.add(seat.seatId());
            }
        }
        var event = definition.event().value();
        if (!stock.seatsOfOtherTypes(event, type, definition.seats()).isEmpty()) {
            throw new InvalidHoldRequest("Some seats are already sold under another ticket type.");
        }
        stock.removeSeats(type, dropped);
        stock.upsertSeats(event, type, definition.seats());
    }

}
