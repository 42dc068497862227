package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.Inventory;
import io.usher.inventory.SaleRules;
import io.usher.inventory.StockDefinition;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentSucceeded;

/**
 * Order with the modules it depends on: what it tells the rest of the system. The order is written straight into
 * the module's own tables (no catalog event is needed to price it), its hold is a real inventory hold.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class OrderModuleTests {

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void announcesTheTicketsOfAnOrderOnceItsPaymentSucceeded(Scenario scenario) {
        var event = EventId.random();
        var type = TicketTypeId.random();
        tx.executeWithoutResult(status -> {
            inventory.defineSaleRules(new SaleRules(event, true, Duration.ofMinutes(15), 10));
            inventory.defineStock(new StockDefinition(event, type, 5, null, null, 1, 5, List.of()));
        });
        var buyer = new UserId(UUID.randomUUID());
        var hold = inventory.hold(new HoldRequest.Quantities(event, buyer, "module-test",
                List.of(new HoldRequest.Item(type, 2))));
        var order = new OrderId(UUID.randomUUID());
        insertOrder(order, event, buyer, hold, type);

        scenario.publish(new PaymentSucceeded(new PaymentId(UUID.randomUUID()), order.toString(), Money.of(3000, "EUR"),
                "test", "pi_test_module", clock.instant()))
                .andWaitForEventOfType(OrderPaid.class)
                .matching(paid -> paid.order().equals(order))
                .toArriveAndVerify(paid -> {
                    assertThat(paid.event()).isEqualTo(event);
                    assertThat(paid.buyer()).isEqualTo(buyer);
                    assertThat(paid.buyerEmail()).isEqualTo("ann@example.test");
                    assertThat(paid.tickets()).extracting(OrderPaid.PaidTicket::holderName)
                            .containsExactly("Bob", "Ann");
                    assertThat(paid.tickets()).allSatisfy(ticket -> {
                        assertThat(ticket.ticketType()).isEqualTo(type);
                        assertThat(ticket.ticketTypeName()).isEqualTo("General admission");
                        assertThat(ticket.seat()).isNull();
                    });
                    assertThat(inventory.find(hold.id(), buyer).orElseThrow().status())
                            .isEqualTo(Hold.Status.CONFIRMED);
                });
    }

    private void insertOrder(OrderId order, EventId event, UserId buyer, Hold hold, TicketTypeId type) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into order_orders (id, event_id, buyer_id, hold_id, idempotency_key, buyer_name, buyer_email,
                    status, currency, subtotal_minor, discount_minor, fees_minor, tax_rate_bp, tax_minor, total_minor,
                    expires_at, created_at, updated_at)
                values (:id, :event, :buyer, :hold, 'k', 'Ann', 'ann@example.test', 'PENDING_PAYMENT', 'EUR', 3000, 0,
                    0, 0, 0, 3000, :expires, :now, :now)
                """)
                .param("id", order.value()).param("event", event.value()).param("buyer", buyer.value())
                .param("hold", hold.id().value()).param("expires", Timestamp.from(hold.expiresAt())).param("now", now)
                .update();
        for (var holder : List.of("Bob", "Ann")) {
            jdbc.sql("""
                    insert into order_lines (order_id, position, ticket_type_id, ticket_type_name, holder_name,
                        unit_price_minor, fee_minor)
                    values (:order, (select count(*) from order_lines where order_id = :order), :type,
                        'General admission', :holder, 1500, 0)
                    """)
                    .param("order", order.value()).param("type", type.value()).param("holder", holder).update();
        }
    }
}
