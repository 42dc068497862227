package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Placing orders from holds over HTTP: lines, totals, idempotency, whose hold. */
class OrdersIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

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
    void placesAnOrderWithOneLinePerTicketAndTheHoldsExpiry() {
        var sale = fixtures.sale(organizer, 10, 2500);
        var hold = fixtures.catalog.hold(buyer, sale.eventId(), sale.ticketTypeId(), 3);

        var order = fixtures.order(buyer, hold.get("holdId"), "attendees", List.of(Map.of("name", "Bob"),
                Map.of("name", " ")));

        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.header("Location")).isEqualTo("/api/v1/orders/" + order.get("id"));
        assertThat(order.get("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("currency")).isEqualTo("EUR");
        assertThat(order.json().get("subtotal").asLong()).isEqualTo(7500);
        assertThat(order.json().get("discount").asLong()).isZero();
        assertThat(order.json().get("fees").asLong()).isZero();
        assertThat(order.json().get("tax").asLong()).isZero();
        assertThat(order.json().get("total").asLong()).isEqualTo(7500);
        assertThat(Instant.parse(order.get("expiresAt"))).isCloseTo(Instant.parse(hold.get("expiresAt")), within(1, ChronoUnit.MILLIS));
        assertThat(OrderFixtures.holders(order)).containsExactly("Bob", "Ann Buyer", "Ann Buyer");
        assertThat(order.json().get("lines").get(0).get("ticketTypeName").asString()).isEqualTo("General admission");
        assertThat(order.json().get("lines").get(0).get("unitPrice").asLong()).isEqualTo(2500);
    }

    @Test
    void addsFeesPerTicketAndTheEventsTaxRoundedHalfUp() {
        var event = fixtures.catalog.createEvent(organizer, CatalogFixtures.event(organizer, "Taxed " + UUID.randomUUID(),
                "taxRateBasisPoints", 1900));
        var type = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types", CatalogFixtures.body(
                "name", "Entry", "priceMinor", 1000, "currency", "EUR", "capacity", 10, "feeMinor", 5)).get("id");
        fixtures.catalog.publish(organizer, event);
        fixtures.coupon(organizer, event, "code", "TENOFF", "kind", "PERCENT", "percent", 10);

        var one = fixtures.order(buyer, fixtures.hold(buyer, event, type, 1));
        var two = fixtures.order(buyer, fixtures.hold(buyer, event, type, 2));
        var discounted = fixtures.order(buyer, fixtures.hold(buyer, event, type, 1), "couponCode", "tenoff");

        // tax is on tickets after the discount plus fees: 19 % of 10.05 = 1.9095 → 1.91 (half up)
        assertThat(one.json().get("fees").asLong()).isEqualTo(5);
        assertThat(one.json().get("tax").asLong()).isEqualTo(191);
        assertThat(one.json().get("total").asLong()).isEqualTo(1196);
        assertThat(one.json().get("lines").get(0).get("fee").asLong()).isEqualTo(5);
        // 19 % of 20.10 = 3.819 → 3.82
        assertThat(two.json().get("tax").asLong()).isEqualTo(382);
        assertThat(two.json().get("total").asLong()).isEqualTo(2010 + 382);
        // 19 % of (10.00 - 1.00 + 0.05) = 1.7195 → 1.72
        assertThat(discounted.json().get("discount").asLong()).isEqualTo(100);
        assertThat(discounted.json().get("tax").asLong()).isEqualTo(172);
        assertThat(discounted.json().get("total").asLong()).isEqualTo(900 + 5 + 172);
    }

    @Test
    void pricesSeatsWithTheirLabels() {
        var sale = fixtures.catalog.seatedSale(organizer, "Seated " + UUID.randomUUID(), 2, 4, 0);
        var seats = api.get("/api/v1/events/" + sale.eventId() + "/availability").json().get("ticketTypes")
                .valueStream().filter(t -> t.get("seated").asBoolean()).findFirst().orElseThrow().get("seats")
                .valueStream().limit(2).map(s -> s.get("id").asString()).toList();
        var hold = fixtures.catalog.holdSeats(buyer, sale.eventId(), seats);

        var order = fixtures.order(buyer, hold.get("holdId"));

        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("total").asLong()).isEqualTo(6000);
        assertThat(order.json().get("lines").valueStream().map(l -> l.get("seatLabel").asString()))
                .allSatisfy(label -> assertThat(label).startsWith("A "));
    }

    @Test
    void answersTheSameKeyWithTheSameOrderAndRefusesItForAnotherHold() {
        var sale = fixtures.sale(organizer, 10, 1000);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);
        var other = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);
        var body = Map.of("holdId", hold, "buyer", Map.of("name", "Ann", "email", "ann@example.test"));

        var first = api.as(buyer).with("Idempotency-Key", "order-1").post("/api/v1/orders", body);
        var again = api.as(buyer).with("Idempotency-Key", "order-1").post("/api/v1/orders", body);
        var reused = api.as(buyer).with("Idempotency-Key", "order-1").post("/api/v1/orders",
                Map.of("holdId", other, "buyer", Map.of("name", "Ann", "email", "ann@example.test")));
        var secondOrderForTheHold = api.as(buyer).with("Idempotency-Key", "order-2").post("/api/v1/orders", body);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("order.idempotency_key_reused");
        assertThat(secondOrderForTheHold.status()).isEqualTo(409);
        assertThat(api.as(buyer).get("/api/v1/me/orders").json().size()).isEqualTo(1);
    }

    @Test
    void answersConcurrentRequestsWithOneKeyWithOneOrder() throws Exception {
        var sale = fixtures.sale(organizer, 10, 1000);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);
        var body = Map.of("holdId", hold, "buyer", Map.of("name", "Ann", "email", "ann@example.test"));
        var start = new java.util.concurrent.CountDownLatch(1);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<io.usher.support.Api.Response>>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.as(buyer).with("Idempotency-Key", "racing").post("/api/v1/orders", body);
                }));
            }
            start.countDown();
        }

        var ids = new java.util.HashSet<String>();
        for (var answer : answers) {
            assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
            ids.add(answer.get().get("id"));
        }
        assertThat(ids).hasSize(1);
        assertThat(api.as(buyer).get("/api/v1/me/orders").json().size()).isEqualTo(1);
    }

    @Test
    void doesNotFindSomeoneElsesHoldAndRefusesAnEndedOne() {
        var sale = fixtures.sale(organizer, 10, 1000, "holdDurationMinutes", 1);
        var theirs = fixtures.hold(fixtures.catalog.customer(), sale.eventId(), sale.ticketTypeId(), 1);
        var released = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);
        api.as(buyer).delete("/api/v1/holds/" + released);
        var expired = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);

        var someoneElses = fixtures.order(buyer, theirs);
        var ended = fixtures.order(buyer, released);
        clock.advance(Duration.ofMinutes(2));
        var late = fixtures.order(buyer, expired);

        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.code()).isEqualTo("order.hold_not_found");
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.code()).isEqualTo("order.hold_not_active");
        assertThat(late.code()).isEqualTo("order.hold_not_active");
    }

    @Test
    void validatesTheBuyer() {
        var sale = fixtures.sale(organizer, 10, 1000);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);

        var invalid = api.as(buyer).with("Idempotency-Key", "k").post("/api/v1/orders",
                Map.of("holdId", hold, "buyer", Map.of("name", "", "email", "not-an-address")));
        var withoutKey = api.as(buyer).post("/api/v1/orders",
                Map.of("holdId", hold, "buyer", Map.of("name", "Ann", "email", "ann@example.test")));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("request.validation_failed");
        assertThat(withoutKey.status()).isEqualTo(400);
    }
}
