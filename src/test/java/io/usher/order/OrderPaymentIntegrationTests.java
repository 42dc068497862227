package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.common.EventId;
import io.usher.inventory.Inventory;
import io.usher.inventory.internal.InventoryTestAccess;
import io.usher.order.internal.OrderManagement;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentStatus;
import io.usher.payment.Payments;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Paying orders end to end through the test gateway's hosted page and its signed webhook. */
class OrderPaymentIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    Inventory inventory;

    @Autowired
    InventoryTestAccess inventoryAccess;

    @Autowired
    OrderManagement orders;

    @Autowired
    Payments payments;

    OrderFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    String buyer;

    @BeforeEach
    void fixtures() {
        fixtures = new OrderFixtures(api, users, "http://localhost:" + port);
        organizer = fixtures.catalog.organizer();
        buyer = fixtures.catalog.customer();
    }

    @Test
    void becomesPaidOnlyFromTheGatewaysConfirmationAndSellsTheHold() {
        var sale = fixtures.sale(organizer, 10, 2500);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2));

        var checkout = fixtures.checkout(buyer, order);
        var stillPending = api.as(buyer).get("/api/v1/orders/" + order);
        fixtures.pay(buyer, order, OrderFixtures.PAYS);
        var paid = fixtures.awaitStatus(buyer, order, "PAID");

        assertThat(checkout.status()).isEqualTo(200);
        assertThat(checkout.get("redirectUrl")).contains("/pay/test/");
        assertThat(stillPending.get("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(paid.get("paymentId")).isEqualTo(checkout.get("paymentId"));
        var payment = payments.get(new PaymentId(UUID.fromString(checkout.get("paymentId"))));
        assertThat(payment.amount().minor()).isEqualTo(5000);
        assertThat(payment.reference()).isEqualTo(order);
        var stock = inventory.availability(EventId.of(sale.eventId())).ticketTypes().getFirst();
        assertThat(stock.available()).isEqualTo(8);
        assertThat(orders.transitions(new OrderId(UUID.fromString(order))))
                .extracting(t -> t.to().name()).containsExactly("PENDING_PAYMENT", "PAID");
        assertThat(orders.transitions(new OrderId(UUID.fromString(order))).getLast().reason())
                .startsWith("payment " + checkout.get("paymentId"));
        var again = fixtures.checkout(buyer, order);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("order.not_payable");
    }

    @Test
    void failsWithADeclinedCardAndGivesTheCouponAndTheTicketsBack() {
        var sale = fixtures.sale(organizer, 10, 1000);
        fixtures.coupon(organizer, sale.eventId(), "code", "ONE", "kind", "PERCENT", "percent", 10, "maxUses", 1);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 3),
                "couponCode", "one");

        fixtures.pay(buyer, order, OrderFixtures.DECLINED);
        fixtures.awaitStatus(buyer, order, "FAILED");

        assertThat(fixtures.uses(organizer, sale.eventId(), "ONE")).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                inventory.availability(EventId.of(sale.eventId())).ticketTypes().getFirst().available()).isEqualTo(10));
        assertThat(orders.transitions(new OrderId(UUID.fromString(order))).getLast().reason())
                .isEqualTo("payment failed: card_declined");
    }

    @Test
    void reHoldsTheSameTicketsWhenThePaymentArrivesAfterTheHoldExpired() {
        var sale = fixtures.sale(organizer, 10, 1000, "holdDurationMinutes", 1);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2);
        var order = fixtures.placed(buyer, hold);
        var checkout = fixtures.checkout(buyer, order);
        clock.advance(Duration.ofMinutes(2));
        inventoryAccess.expireDue(1000);

        payOn(checkout, OrderFixtures.PAYS);
        var paid = fixtures.awaitStatus(buyer, order, "PAID");

        assertThat(inventory.availability(EventId.of(sale.eventId())).ticketTypes().getFirst().available()).isEqualTo(8);
        assertThat(paid.get("status")).isEqualTo("PAID");
    }

    @Test
    void refundsAutomaticallyWhenThePaymentArrivesAfterTheTicketsWereSoldToSomeoneElse() {
        var sale = fixtures.sale(organizer, 2, 1000, "holdDurationMinutes", 1);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2));
        var checkout = fixtures.checkout(buyer, order);
        clock.advance(Duration.ofMinutes(2));
        inventoryAccess.expireDue(1000);
        var other = fixtures.catalog.customer();
        fixtures.hold(other, sale.eventId(), sale.ticketTypeId(), 2);

        payOn(checkout, OrderFixtures.PAYS);
        var refunded = fixtures.awaitStatus(buyer, order, "REFUNDED");

        var paymentId = new PaymentId(UUID.fromString(checkout.get("paymentId")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> payments.get(paymentId).status() == PaymentStatus.REFUNDED);
        assertThat(payments.refunds(paymentId)).singleElement()
                .satisfies(refund -> assertThat(refund.amount().minor()).isEqualTo(2000));
        assertThat(refunded.json().get("refunded").asLong()).isEqualTo(2000);
        assertThat(orders.transitions(new OrderId(UUID.fromString(order))).getLast().reason())
                .contains("no longer available");
    }

    @Test
    void refundsPartlyThenFullyForTheEventsOrganizerOnly() {
        var sale = fixtures.sale(organizer, 10, 2500);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2));
        var unpaid = refund(organizer.token(), order, 1000, "r-0");
        fixtures.pay(buyer, order, OrderFixtures.PAYS);
        fixtures.awaitStatus(buyer, order, "PAID");

        var stranger = refund(fixtures.catalog.organizer().token(), order, 1000, "r-1");
        var byBuyer = refund(buyer, order, 1000, "r-1");
        var partly = refund(organizer.token(), order, 1000, "r-1");
        var partial = fixtures.awaitStatus(buyer, order, "PARTIALLY_REFUNDED");
        var tooMuch = refund(organizer.token(), order, 4001, "r-2");
        var rest = refund(organizer.token(), order, 4000, "r-3");
        var full = fixtures.awaitStatus(buyer, order, "REFUNDED");

        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.code()).isEqualTo("order.not_refundable");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(byBuyer.status()).isEqualTo(404);
        assertThat(partly.status()).as(partly.toString()).isEqualTo(201);
        assertThat(partial.json().get("refunded").asLong()).isEqualTo(1000);
        assertThat(tooMuch.code()).isEqualTo("payment.refund_exceeds_payment");
        assertThat(rest.status()).isEqualTo(201);
        assertThat(full.json().get("refunded").asLong()).isEqualTo(5000);
        assertThat(orders.transitions(new OrderId(UUID.fromString(order)))).extracting(t -> t.to().name())
                .containsExactly("PENDING_PAYMENT", "PAID", "PARTIALLY_REFUNDED", "REFUNDED");
    }

    private io.usher.support.Api.Response refund(String token, String order, long amount, String key) {
        return api.as(token).with("Idempotency-Key", key).post("/api/v1/orders/" + order + "/refunds",
                java.util.Map.of("amount", amount, "reason", "customer asked"));
    }

    private void payOn(io.usher.support.Api.Response checkout, String card) {
        var page = new io.usher.support.PageClient("http://localhost:" + port);
        var path = java.net.URI.create(checkout.get("redirectUrl")).getPath();
        page.get(path);
        assertThat(page.post(path, java.util.Map.of("cardNumber", card, "expiry", "12/39", "cvc", "123")).status())
                .isEqualTo(303);
    }
}
