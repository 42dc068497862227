package io.usher.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.inventory.internal.Strategy;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.StockFixtures;
import io.usher.support.Users;

class HoldsApiIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    StockFixtures fixtures;

    @Autowired
    Inventory inventory;

    private Api buyer;

    @BeforeEach
    void signIn() {
        buyer = api.as(users.signedIn(api, "buyer", Role.CUSTOMER));
    }

    @Test
    void holdsGeneralAdmissionAndAnswersARepeatedKeyWithTheSameHold() {
        var sale = fixtures.onSale(Strategy.COALESCING, 10, 0);
        var body = Map.of("eventId", sale.event().toString(),
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 2)));

        var first = buyer.with("Idempotency-Key", "k-1").post("/api/v1/holds", body);
        var again = buyer.with("Idempotency-Key", "k-1").post("/api/v1/holds", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/holds/" + first.get("holdId"));
        assertThat(first.get("status")).isEqualTo("ACTIVE");
        assertThat(first.json().get("quantity").asInt()).isEqualTo(2);
        assertThat(Instant.parse(first.get("expiresAt"))).isAfter(Instant.parse(first.get("createdAt")).plusSeconds(599));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.get("holdId")).isEqualTo(first.get("holdId"));
        assertThat(available(sale, sale.generalAdmission())).isEqualTo(8);

        var different = buyer.with("Idempotency-Key", "k-1").post("/api/v1/holds", Map.of("eventId", sale.event().toString(),
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 3))));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.code()).isEqualTo("inventory.idempotency_key_reused");
    }

    @Test
    void repeatsTheStoredAnswerEvenWhenTheEventWentOffSaleSince() {
        var sale = fixtures.onSale(Strategy.COALESCING, 10, 0);
        var first = hold(sale, 2, "before-close");
        fixtures.rules(new SaleRules(sale.event(), false, Duration.ofMinutes(10), 10));

        var repeated = hold(sale, 2, "before-close");
        var fresh = hold(sale, 2, "after-close");

        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.get("holdId")).isEqualTo(first.get("holdId"));
        assertThat(fresh.code()).isEqualTo("inventory.event_not_found");
    }

    @Test
    void saysWhatRemainsWhenNotEnoughAndRepeatsThatAnswerForTheSameKey() {
        var sale = fixtures.onSale(Strategy.ROW_LOCK, 3, 0);
        hold(sale, 2, "a");

        var tooMany = hold(sale, 2, "b");
        var soldOutKey = hold(sale, 1, "c");
        var soldOut = hold(sale, 1, "d");
        var repeated = hold(sale, 2, "b");

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.code()).isEqualTo("inventory.not_enough");
        assertThat(tooMany.json().get("remaining").get(sale.generalAdmission().toString()).asInt()).isEqualTo(1);
        assertThat(soldOutKey.status()).isEqualTo(201);
        assertThat(soldOut.code()).isEqualTo("inventory.sold_out");
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.code()).isEqualTo("inventory.not_enough");
        assertThat(repeated.json().get("remaining").get(sale.generalAdmission().toString()).asInt()).isEqualTo(1);
    }

    @Test
    void holdsChosenSeatsAndNamesTheSeatsThatAreTaken() {
        var sale = fixtures.onSale(Strategy.SKIP_LOCKED, 5, 2);
        var seats = sale.seats().subList(0, 2).stream().map(Object::toString).toList();
        var other = api.as(users.signedIn(api, "other", Role.CUSTOMER));

        var mine = buyer.with("Idempotency-Key", "s-1").post("/api/v1/holds",
                Map.of("eventId", sale.event().toString(), "seats", seats));
        var theirs = other.with("Idempotency-Key", "s-2").post("/api/v1/holds", Map.of("eventId", sale.event().toString(),
                "seats", List.of(seats.get(1), sale.seats().get(5).toString())));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.json().get("seats").size()).isEqualTo(2);
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(theirs.code()).isEqualTo("inventory.seat_taken");
        assertThat(theirs.json().get("seats").toString()).contains(seats.get(1)).doesNotContain(sale.seats().get(5).toString());
        var seat5 = inventory.availability(sale.event()).ticketTypes().stream().filter(Availability.TicketType::seated)
                .findFirst().orElseThrow().seats().get(5);
        assertThat(seat5.state()).as("a refused request keeps nothing").isEqualTo(Availability.SeatState.FREE);
    }

    @Test
    void sellsTheSameVenueSeatAgainAtAnotherEvent() {
        var seat = new SeatDefinition(io.usher.common.SeatId.random(), "A", "1", 1, 1, false);
        var holds = new java.util.ArrayList<Api.Response>();
        for (int i = 0; i < 2; i++) {
            var event = io.usher.common.EventId.random();
            fixtures.rules(new SaleRules(event, true, Duration.ofMinutes(10), 10));
            fixtures.stock(new StockDefinition(event, io.usher.common.TicketTypeId.random(), 1, null, null, 1, 1,
                    List.of(seat)));
            holds.add(buyer.with("Idempotency-Key", "same-seat-" + i).post("/api/v1/holds",
                    Map.of("eventId", event.toString(), "seats", List.of(seat.id().toString()))));
        }

        assertThat(holds).extracting(Api.Response::status).containsExactly(201, 201);
    }

    @Test
    void picksAdjacentSeatsInOneRowForBestAvailable() {
        var sale = fixtures.onSale(Strategy.COALESCING, 5, 3);
        buyer.with("Idempotency-Key", "front").post("/api/v1/holds", Map.of("eventId", sale.event().toString(),
                "seats", List.of(sale.seats().get(2).toString())));

        var best = buyer.with("Idempotency-Key", "best").post("/api/v1/holds", Map.of("eventId", sale.event().toString(),
                "ticketTypeId", sale.seated().toString(), "quantity", 4, "bestAvailable", true));

        assertThat(best.status()).isEqualTo(201);
        var seats = best.json().get("seats");
        assertThat(seats.size()).isEqualTo(4);
        assertThat(seats.valueStream().map(s -> s.get("row").asString()).distinct()).hasSize(1);
        var numbers = seats.valueStream().map(s -> s.get("number").asInt()).toList();
        assertThat(numbers).containsExactly(4, 5, 6, 7);
    }

    @Test
    void refusesRequestsThatCannotBeRight() {
        var sale = fixtures.onSale(Strategy.COALESCING, 5, 1);
        var event = sale.event().toString();

        var noKey = buyer.post("/api/v1/holds", Map.of("eventId", event,
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 1))));
        var unknownEvent = buyer.with("Idempotency-Key", "x1").post("/api/v1/holds", Map.of("eventId", UUID.randomUUID().toString(),
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 1))));
        var foreignType = buyer.with("Idempotency-Key", "x2").post("/api/v1/holds", Map.of("eventId", event,
                "items", List.of(Map.of("ticketTypeId", UUID.randomUUID().toString(), "quantity", 1))));
        var seatedAsQuantity = buyer.with("Idempotency-Key", "x3").post("/api/v1/holds", Map.of("eventId", event,
                "items", List.of(Map.of("ticketTypeId", sale.seated().toString(), "quantity", 1))));
        var overOrderMax = buyer.with("Idempotency-Key", "x4").post("/api/v1/holds", Map.of("eventId", event,
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 11))));
        var twoShapes = buyer.with("Idempotency-Key", "x5").post("/api/v1/holds", Map.of("eventId", event,
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 1)),
                "seats", List.of(sale.seats().getFirst().toString())));
        var unknownSeat = buyer.with("Idempotency-Key", "x6").post("/api/v1/holds", Map.of("eventId", event,
                "seats", List.of(UUID.randomUUID().toString())));
        var anonymous = api.with("Idempotency-Key", "x7").post("/api/v1/holds", Map.of("eventId", event,
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", 1))));

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("request.missing_header");
        assertThat(unknownEvent.status()).isEqualTo(404);
        assertThat(unknownEvent.code()).isEqualTo("inventory.event_not_found");
        assertThat(foreignType.code()).isEqualTo("inventory.ticket_type_not_found");
        assertThat(seatedAsQuantity.code()).isEqualTo("inventory.invalid_request");
        assertThat(overOrderMax.status()).isEqualTo(400);
        assertThat(twoShapes.code()).isEqualTo("inventory.invalid_request");
        assertThat(unknownSeat.code()).isEqualTo("inventory.seat_not_found");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void refusesEventsOffSaleAndTicketTypesOutsideTheirWindow() {
        var sale = fixtures.onSale(Strategy.COALESCING, 5, 0);
        var later = io.usher.common.TicketTypeId.random();
        fixtures.stock(new StockDefinition(sale.event(), later, 5, Instant.now().plus(Duration.ofDays(1)), null, 1, 5,
                List.of()));

        var early = buyer.with("Idempotency-Key", "w1").post("/api/v1/holds", Map.of("eventId", sale.event().toString(),
                "items", List.of(Map.of("ticketTypeId", later.toString(), "quantity", 1))));
        fixtures.rules(new SaleRules(sale.event(), false, Duration.ofMinutes(10), 10));
        var offSale = hold(sale, 1, "w2");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("inventory.outside_sale_window");
        assertThat(early.get("saleStartsAt")).isNotNull();
        assertThat(offSale.status()).isEqualTo(404);
        assertThat(offSale.code()).isEqualTo("inventory.event_not_found");
    }

    @Test
    void limitsTicketsPerBuyerAcrossHolds() {
        var sale = fixtures.onSale(Strategy.SKIP_LOCKED, 50, 0, 4, Duration.ofMinutes(10));
        assertThat(hold(sale, 3, "l1").status()).isEqualTo(201);

        var over = hold(sale, 2, "l2");

        assertThat(over.status()).isEqualTo(409);
        assertThat(over.code()).isEqualTo("inventory.buyer_limit");
        assertThat(over.json().get("limit").asInt()).isEqualTo(4);
        assertThat(over.json().get("alreadyHeld").asInt()).isEqualTo(3);
        assertThat(hold(sale, 1, "l3").status()).isEqualTo(201);
    }

    @Test
    void releasesOwnHoldsOnlyAndReturnsTheTickets() {
        var sale = fixtures.onSale(Strategy.ROW_LOCK, 5, 0);
        var id = hold(sale, 3, "r1").get("holdId");
        var other = api.as(users.signedIn(api, "other", Role.CUSTOMER));

        assertThat(other.get("/api/v1/holds/" + id).code()).isEqualTo("inventory.hold_not_found");
        assertThat(other.delete("/api/v1/holds/" + id).status()).isEqualTo(404);
        assertThat(buyer.get("/api/v1/holds/" + id).get("status")).isEqualTo("ACTIVE");
        assertThat(buyer.delete("/api/v1/holds/" + id).status()).isEqualTo(204);
        assertThat(buyer.get("/api/v1/holds/" + id).get("status")).isEqualTo("RELEASED");
        assertThat(buyer.delete("/api/v1/holds/" + id).code()).isEqualTo("inventory.hold_not_active");
        assertThat(hold(sale, 5, "r2").status()).as("all five back on sale").isEqualTo(201);
    }

    @Test
    void confirmsAnActiveHoldIntoSoldStockButNotAnExpiredOne() {
        for (var strategy : Strategy.values()) {
            var sale = fixtures.onSale(strategy, 4, 1);
            var id = new HoldId(UUID.fromString(hold(sale, 2, strategy + "-c1").get("holdId")));
            var seat = buyer.with("Idempotency-Key", strategy + "-c2").post("/api/v1/holds", Map.of(
                    "eventId", sale.event().toString(), "seats", List.of(sale.seats().getFirst().toString())));
            var late = new HoldId(UUID.fromString(hold(sale, 1, strategy + "-c3").get("holdId")));

            assertThat(inventory.confirm(id).status()).isEqualTo(Hold.Status.CONFIRMED);
            inventory.confirm(new HoldId(UUID.fromString(seat.get("holdId"))));
            clock.advance(Duration.ofMinutes(11));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> inventory.confirm(late))
                    .isInstanceOf(HoldNotActive.class).hasMessageContaining("expired");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> inventory.confirm(id))
                    .isInstanceOf(HoldNotActive.class);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(available(sale, sale.generalAdmission())).as(strategy.id()).isEqualTo(2));
            var seatState = inventory.availability(sale.event()).ticketTypes().stream()
                    .filter(Availability.TicketType::seated).findFirst().orElseThrow().seats().getFirst().state();
            assertThat(seatState).isEqualTo(Availability.SeatState.SOLD);
            clock.reset();
        }
    }

    @Test
    void returnsExpiredHoldsToStockWithinFiveSeconds() {
        var sale = fixtures.onSale(Strategy.COALESCING, 4, 0, 10, Duration.ofMinutes(1));
        var id = hold(sale, 4, "e1").get("holdId");
        assertThat(hold(sale, 1, "e2").code()).isEqualTo("inventory.sold_out");

        clock.advance(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(5)).until(() -> "EXPIRED".equals(buyer.get("/api/v1/holds/" + id).get("status")));
        assertThat(hold(sale, 4, "e3").status()).isEqualTo(201);
    }

    @Test
    void servesAvailabilityPubliclyAndStreamsIt() throws Exception {
        var sale = fixtures.onSale(Strategy.COALESCING, 7, 1);
        hold(sale, 2, "v1");

        var availability = api.get("/api/v1/events/" + sale.event() + "/availability");

        assertThat(availability.status()).isEqualTo(200);
        assertThat(availability.header("Cache-Control")).contains("max-age=1");
        var types = availability.json().get("ticketTypes");
        assertThat(types.size()).isEqualTo(2);
        assertThat(types.toString()).contains("\"seats\":[{");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events/" + sale.event()
                + "/availability/stream")).header("Accept", "text/event-stream").build();
        var stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (var lines = stream.body()) {
            var first = lines.limit(2).toList();
            assertThat(first.getFirst()).isEqualTo("event:availability");
            assertThat(first.get(1)).startsWith("data:").contains(sale.generalAdmission().toString());
        }
    }

    private Api.Response hold(StockFixtures.OnSale sale, int quantity, String key) {
        return buyer.with("Idempotency-Key", key).post("/api/v1/holds", Map.of("eventId", sale.event().toString(),
                "items", List.of(Map.of("ticketTypeId", sale.generalAdmission().toString(), "quantity", quantity))));
    }

    private int available(StockFixtures.OnSale sale, io.usher.common.TicketTypeId type) {
        return inventory.availability(sale.event()).ticketTypes().stream().filter(t -> t.id().equals(type))
                .findFirst().orElseThrow().available();
    }
}
