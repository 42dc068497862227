package io.usher.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import io.usher.common.EventId;
import io.usher.common.TicketTypeId;
import io.usher.identity.UserId;
import io.usher.common.Money;
import io.usher.order.OrderCancelled;
import io.usher.order.OrderId;
import io.usher.order.OrderPaid;
import io.usher.order.OrderRefunded;

/**
 * Admission with the modules it depends on (all of them: order's own dependencies must start too): what it makes of
 * the order module's events.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class AdmissionModuleTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void issuesAPaidOrdersTicketsOnceHoweverOftenThePaymentIsDelivered(Scenario scenario) {
        var paid = paid();

        scenario.publish(paid).andWaitForEventOfType(TicketsIssued.class)
                .toArriveAndVerify(issued -> assertThat(issued.tickets()).hasSize(2));
        scenario.publish(paid).andWaitForStateChange(this::unfinishedPublications, unfinished -> unfinished == 0)
                .andVerify(unfinished -> assertThat(tickets(paid.order(), "VALID")).isEqualTo(2));
    }

    @Test
    void voidsTheTicketsOfAnOrderRefundedInFull(Scenario scenario) {
        var paid = paid();
        scenario.publish(paid).andWaitForEventOfType(TicketsIssued.class).toArrive();

        scenario.publish(new OrderRefunded(paid.order(), paid.event(), "event moved", clock.instant()))
                .andWaitForStateChange(() -> tickets(paid.order(), "VOIDED"), voided -> voided == 2)
                .andVerify(voided -> assertThat(tickets(paid.order(), "VALID")).isZero());
    }

    @Test
    void voidsTheTicketsOfACancelledOrder(Scenario scenario) {
        var paid = paid();
        scenario.publish(paid).andWaitForEventOfType(TicketsIssued.class).toArrive();

        scenario.publish(new OrderCancelled(paid.order(), paid.event(), paid.buyerEmail(), paid.buyerName(),
                        Money.of(5000, "EUR"), "event cancelled", clock.instant()))
                .andWaitForStateChange(() -> tickets(paid.order(), "VOIDED"), voided -> voided == 2)
                .andVerify(voided -> assertThat(tickets(paid.order(), "VALID")).isZero());
    }

    private OrderPaid paid() {
        var type = new TicketTypeId(UUID.randomUUID());
        return new OrderPaid(new OrderId(UUID.randomUUID()), new EventId(UUID.randomUUID()),
                new UserId(UUID.randomUUID()), "Ann Buyer", "ann@example.test",
                List.of(new OrderPaid.PaidTicket(type, "Standing", null, null, "Ann Buyer"),
                        new OrderPaid.PaidTicket(type, "Standing", null, null, "Bob Guest")),
                clock.instant());
    }

    private long tickets(OrderId order, String status) {
        return jdbc.sql("select count(*) from admission_tickets where order_id = :order and status = :status")
                .param("order", order.value()).param("status", status).query(Long.class).single();
    }

    private long unfinishedPublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
    }
}
