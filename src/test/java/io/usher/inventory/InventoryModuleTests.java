package io.usher.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.EventId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;

/** Inventory with only the modules it depends on: define stock, hold, confirm — what checkout will do. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class InventoryModuleTests {

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate tx;

    @Test
    void turnsAHoldIntoSoldStockExactlyOnce() {
        var event = EventId.random();
        var type = TicketTypeId.random();
        tx.executeWithoutResult(status -> {
            inventory.defineSaleRules(new SaleRules(event, true, Duration.ofMinutes(15), 10));
            inventory.defineStock(new StockDefinition(event, type, 3, null, null, 1, 3, List.of()));
        });
        var buyer = new UserId(UUID.randomUUID());

        var hold = inventory.hold(new HoldRequest.Quantities(event, buyer, "checkout-1",
                List.of(new HoldRequest.Item(type, 3))));
        var confirmed = inventory.confirm(hold.id());

        assertThat(confirmed.status()).isEqualTo(Hold.Status.CONFIRMED);
        assertThat(confirmed.quantity()).isEqualTo(3);
        assertThatThrownBy(() -> inventory.confirm(hold.id())).isInstanceOf(HoldNotActive.class);
        assertThatThrownBy(() -> inventory.release(hold.id(), buyer)).isInstanceOf(HoldNotActive.class);
        assertThatThrownBy(() -> inventory.hold(new HoldRequest.Quantities(event, new UserId(UUID.randomUUID()),
                "late", List.of(new HoldRequest.Item(type, 1))))).isInstanceOf(NotEnough.class)
                .hasMessage("Sold out.");
    }

    @Test
    void refusesToShrinkBelowWhatIsHeld() {
        var event = EventId.random();
        var type = TicketTypeId.random();
        tx.executeWithoutResult(status -> {
            inventory.defineSaleRules(new SaleRules(event, true, Duration.ofMinutes(15), 10));
            inventory.defineStock(new StockDefinition(event, type, 5, null, null, 1, 5, List.of()));
        });
        inventory.hold(new HoldRequest.Quantities(event, new UserId(UUID.randomUUID()), "k",
                List.of(new HoldRequest.Item(type, 4))));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> inventory.defineStock(
                new StockDefinition(event, type, 3, null, null, 1, 5, List.of()))))
                .isInstanceOf(CapacityBelowCommitted.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> inventory.removeStock(type, event)))
                .isInstanceOf(CapacityBelowCommitted.class);
    }
}
