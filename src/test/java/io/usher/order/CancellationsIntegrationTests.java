package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.catalog.CatalogFixtures;
import io.usher.common.EventId;
import io.usher.common.Money;
import io.usher.inventory.Inventory;
import io.usher.payment.PaymentId;
import io.usher.payment.Payments;
import io.usher.payment.Refund;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;
import io.usher.support.Users;

/** Buyers cancelling for a refund, and cancelled events refunding every buyer exactly once. */
class CancellationsIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    Payments payments;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    OrderFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    String buyer;

    @BeforeEach
    void fixtures() {
        fixtures = new OrderFixtures(api, users, "http://localhost:" + port);
        organizer = fixtures.catalog.organizer();
        buyer = fixtures.catalog.customer();
    }

    private String paidOrder(String token, CatalogFixtures.Sale sale, int tickets, String email) {
        var order = fixtures.placed(token, fixtures.hold(token, sale.eventId(), sale.ticketTypeId(), tickets),
                "buyer", Map.of("name", "Ann Buyer", "email", email));
        fixtures.pay(token, order, OrderFixtures.PAYS);
        fixtures.awaitStatus(token, order, "PAID");
        return order;
    }

    private PaymentId payment(String token, String order) {
        return PaymentId.of(api.as(token).get("/api/v1/orders/" + order).get("paymentId"));
    }

    private int available(CatalogFixtures.Sale sale) {
        return inventory.availability(EventId.of(sale.eventId())).ticketTypes().getFirst().available();
    }

    @Test
    void buyerCancelsBeforeTheDeadlineAndGetsTheMoneyAndTicketsBack() {
        var sale = fixtures.sale(organizer, 5, 2000, "refundDaysBefore", 7);
        var email = "cancel-" + UUID.randomUUID() + "@example.test";
        var order = paidOrder(buyer, sale, 2, email);
        var soldBefore = available(sale);

        var cancelled = api.as(buyer).post("/api/v1/orders/" + order + "/cancellation", Map.of("reason", "Cannot come"));
        var again = api.as(buyer).post("/api/v1/orders/" + order + "/cancellation", Map.of());

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(payments.refunds(payment(buyer, order))).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).isEqualTo(Money.of(4000, "EUR"));
            assertThat(refund.status()).isEqualTo(Refund.Status.SUCCEEDED);
        });
        assertThat(soldBefore).isEqualTo(3);
        assertThat(available(sale)).isEqualTo(5);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("order.not_cancellable");
        assertThat(again.json().get("reason").asString()).isEqualTo("status");
        var mail = Mailbox.awaitSubject(email, "is cancelled");
        assertThat(Mailbox.body(mail)).contains("€40.00").contains("Cannot come");
        assertThat(jdbc.sql("select reason from order_transitions where order_id = :id and to_status = 'CANCELLED'")
                .param("id", UUID.fromString(order)).query(String.class).single()).isEqualTo("Cannot come");
    }

    @Test
    void refusesAfterTheDeadlineWithoutAPolicyAndForStrangers() {
        // starts in three days: its refund deadline, a week before, has passed
        var starts = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(3)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        var closing = fixtures.sale(organizer, 5, 2000, "refundDaysBefore", 7, "startsAt", starts.toString(),
                "endsAt", starts.plusHours(2).toString());
        var late = paidOrder(buyer, closing, 1, "late@example.test");
        var final_ = fixtures.sale(organizer, 5, 2000);
        var noRefunds = paidOrder(buyer, final_, 1, "final@example.test");
        var stranger = fixtures.catalog.customer();

        var strangers = api.as(stranger).post("/api/v1/orders/" + late + "/cancellation", Map.of());
        var none = api.as(buyer).post("/api/v1/orders/" + noRefunds + "/cancellation", Map.of());
        var closed = api.as(buyer).post("/api/v1/orders/" + late + "/cancellation", Map.of());

        assertThat(strangers.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.code()).isEqualTo("order.not_cancellable");
        assertThat(none.json().get("reason").asString()).isEqualTo("no_refunds");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.code()).isEqualTo("order.refund_window_closed");
        assertThat(closed.json().get("deadline").asString()).isEqualTo(
                starts.minusDays(7).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant().toString());
        assertThat(api.as(buyer).get("/api/v1/orders/" + late).get("status")).isEqualTo("PAID");
        assertThat(payments.refunds(payment(buyer, late))).isEmpty();
    }

    @Test
    void aPostponementLetsBuyersCancelEvenWithoutAPolicy() {
        var sale = fixtures.sale(organizer, 5, 2000);
        var order = paidOrder(buyer, sale, 1, "moved-" + UUID.randomUUID() + "@example.test");

        var postponed = api.as(organizer.token()).post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2031-06-01T20:00", "endsAt", "2031-06-01T23:00"));
        var cancelled = await().atMost(Duration.ofSeconds(15)).until(
                () -> api.as(buyer).post("/api/v1/orders/" + order + "/cancellation", Map.of()),
                answer -> answer.status() == 200);

        assertThat(postponed.status()).as(postponed.toString()).isEqualTo(200);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(payments.refunds(payment(buyer, order))).hasSize(1);
    }

    @Test
    void mailsPaidBuyersOfAPostponedEventTheNewDateAndTheirOrderPageWhichOffersTheRefund() {
        var sale = fixtures.sale(organizer, 5, 2000);
        var email = "postponed-" + UUID.randomUUID() + "@example.test";
        var order = paidOrder(buyer, sale, 1, email);
        var page = new io.usher.support.PageClient("http://localhost:" + port).withCookie("usher_at", buyer);
        var before = page.get("/orders/" + order).body();

        api.as(organizer.token()).post("/api/v1/events/" + sale.eventId() + "/postpone",
                Map.of("startsAt", "2031-06-01T20:00", "endsAt", "2031-06-01T23:00"));
        var mail = Mailbox.awaitSubject(email, "has moved to");
        var after = await().atMost(Duration.ofSeconds(15)).until(() -> page.get("/orders/" + order).body(),
                body -> body.contains("Cancel and refund"));

        assertThat(before).doesNotContain("Cancel and refund");
        assertThat(Mailbox.body(mail)).contains("Sun 1 Jun 2031, 20:00 CEST")
                .contains("/orders/" + order);
        assertThat(after).contains("The event changed since you paid");
    }

    @Test
    void leavesTheOrderPaidWhenTheGatewayRefusesTheRefund() {
        var sale = fixtures.sale(organizer, 5, 2000, "refundDaysBefore", 7);
        var order = paidOrder(buyer, sale, 1, "refused@example.test");
        var payment = payment(buyer, order);

        gatewayRefusesRefundsOf(payment, true);
        var refused = api.as(buyer).post("/api/v1/orders/" + order + "/cancellation", Map.of());
        gatewayRefusesRefundsOf(payment, false);
        var retried = api.as(buyer).post("/api/v1/orders/" + order + "/cancellation", Map.of());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("payment.gateway_rejected");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(payments.refunds(payment)).extracting(Refund::status)
                .containsExactly(Refund.Status.FAILED, Refund.Status.SUCCEEDED);
        assertThat(jdbc.sql("select count(*) from order_transitions where order_id = :id")
                .param("id", UUID.fromString(order)).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aCancellationWhoseRefundWaitedForTheGatewayEndsCancelledWhenTheRefundGoesThrough() {
        var sale = fixtures.sale(organizer, 5, 2000, "refundDaysBefore", 7);
        var email = "outage-" + UUID.randomUUID() + "@example.test";
        var order = paidOrder(buyer, sale, 2, email);
        var payment = payment(buyer, order);
        // As the buyer's cancellation leaves it when the gateway does not answer: the cancellation open with the
        // amount fixed and the attempt's error, the order still PAID (the buyer got a 503)...
        jdbc.sql("""
                insert into order_cancellations (order_id, event_id, origin, actor_id, reason, state, amount_minor,
                    last_error, created_at)
                select id, event_id, 'BUYER', buyer_id, 'Cannot come', 'OPEN', 4000,
                       'payment.gateway_unavailable: no answer', :now
                from order_orders where id = :order
                """).param("order", UUID.fromString(order)).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        assertThat(available(sale)).isEqualTo(3);

        // ...and the payment module's retry gets the refund through later, under the cancellation's key.
        payments.refund(payment, Money.of(4000, "EUR"), "Cancelled by the buyer", "order-" + order + "-cancel-0");

        fixtures.awaitStatus(buyer, order, "CANCELLED");
        assertThat(payments.refunds(payment)).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).isEqualTo(Money.of(4000, "EUR"));
            assertThat(refund.status()).isEqualTo(Refund.Status.SUCCEEDED);
        });
        assertThat(available(sale)).isEqualTo(5);
        assertThat(jdbc.sql("select state from order_cancellations where order_id = :id")
                .param("id", UUID.fromString(order)).query(String.class).single()).isEqualTo("DONE");
        assertThat(jdbc.sql("select to_status from order_transitions where order_id = :id order by id")
                .param("id", UUID.fromString(order)).query(String.class).list()).doesNotContain("REFUNDED")
                .endsWith("CANCELLED");
        assertThat(Mailbox.body(Mailbox.awaitSubject(email, "is cancelled"))).contains("€40.00");
    }

    @Test
    void cancellingAnEventRefundsEveryBuyerOnceEvenWhenARefundFailsOnTheFirstPass() {
        var sale = fixtures.sale(organizer, 20, 1500);
        var buyers = new ArrayList<String>();
        var ordersOf = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var token = fixtures.catalog.customer();
            buyers.add(token);
            ordersOf.add(paidOrder(token, sale, 1, "event-" + i + "-" + UUID.randomUUID() + "@example.test"));
        }
        var pendingBuyer = fixtures.catalog.customer();
        var pending = fixtures.placed(pendingBuyer, fixtures.hold(pendingBuyer, sale.eventId(), sale.ticketTypeId(), 2));
        // an instance crashed after claiming the first order and refunding it, before cancelling it: the claim's
        // lease runs out, the resume claims it again and asks for the same refund (same key), so it is not repeated
        jdbc.sql("""
                insert into order_cancellations (order_id, event_id, origin, reason, state, amount_minor, claimed_until,
                    created_at)
                values (:order, :event, 'EVENT', 'The event was cancelled', 'CLAIMED', 1500, :expired, :expired)
                """).param("order", UUID.fromString(ordersOf.get(0))).param("event", UUID.fromString(sale.eventId()))
                .param("expired", java.sql.Timestamp.from(clock.instant().minusSeconds(1))).update();
        payments.refund(payment(buyers.get(0), ordersOf.get(0)), Money.of(1500, "EUR"), "The event was cancelled",
                "order-" + ordersOf.get(0) + "-cancel-0");
        var failing = payment(buyers.get(1), ordersOf.get(1));
        gatewayRefusesRefundsOf(failing, true);

        var cancelled = api.as(organizer.token()).post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of());
        var firstPass = await().atMost(Duration.ofSeconds(20)).until(() -> progress(sale),
                p -> p.get("cancelled").asInt() == 3 && p.get("failing").asInt() == 1);
        gatewayRefusesRefundsOf(failing, false);
        clock.advance(Duration.ofMinutes(2));
        var done = await().atMost(Duration.ofSeconds(20)).until(() -> progress(sale),
                p -> "COMPLETED".equals(p.get("status").asString()));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(firstPass.get("status").asString()).isEqualTo("RUNNING");
        assertThat(done.get("total").asInt()).isEqualTo(4);
        assertThat(done.get("cancelled").asInt()).isEqualTo(4);
        assertThat(done.get("failing").asInt()).isZero();
        assertThat(done.get("released").asInt()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(api.as(buyers.get(i)).get("/api/v1/orders/" + ordersOf.get(i)).get("status"))
                    .isEqualTo("CANCELLED");
            assertThat(payments.refunds(payment(buyers.get(i), ordersOf.get(i)))
                    .stream().filter(r -> r.status() == Refund.Status.SUCCEEDED)).as("order %d", i).hasSize(1);
            assertThat(payments.get(payment(buyers.get(i), ordersOf.get(i))).refunded().minor()).isEqualTo(1500);
        }
        assertThat(api.as(pendingBuyer).get("/api/v1/orders/" + pending).get("status")).isEqualTo("FAILED");
        assertThat(api.as(buyers.get(0)).get("/api/v1/organizer/events/" + sale.eventId() + "/cancellation").status())
                .isEqualTo(404);
    }

    private tools.jackson.databind.JsonNode progress(CatalogFixtures.Sale sale) {
        return api.as(organizer.token()).get("/api/v1/organizer/events/" + sale.eventId() + "/cancellation").json();
    }

    /** The test gateway refuses refunds of payments it no longer sees as captured (as a real gateway would). */
    private void gatewayRefusesRefundsOf(PaymentId payment, boolean refuse) {
        var reference = payments.get(payment).gatewayReference();
        jdbc.sql("update payment_test_sessions set status = :status where payment_reference = :reference")
                .param("status", refuse ? "DECLINED" : "SUCCEEDED").param("reference", reference).update();
    }
}
