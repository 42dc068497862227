package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.common.EventId;
import io.usher.common.TicketTypeId;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.UserId;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.Inventory;
import io.usher.order.internal.OrderExpiry;
import io.usher.order.internal.OrderManagement;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Coupons: who defines them, what they take off, when they are refused, and their use count under load. */
class CouponsIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    Inventory inventory;

    @Autowired
    OrderManagement orders;

    @Autowired
    OrderExpiry expiry;

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
    void takesAPercentageOffRoundingHalfUpToTheCent() {
        var sale = fixtures.sale(organizer, 10, 999);
        assertThat(fixtures.coupon(organizer, sale.eventId(), "code", "Spring15", "kind", "PERCENT", "percent", 15)
                .status()).isEqualTo(201);

        var order = fixtures.order(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1),
                "couponCode", "spring15");

        // 15 % of 9.99 is 1.4985: half up gives 1.50 off
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("subtotal").asLong()).isEqualTo(999);
        assertThat(order.json().get("discount").asLong()).isEqualTo(150);
        assertThat(order.json().get("total").asLong()).isEqualTo(849);
        assertThat(order.get("couponCode")).isEqualTo("Spring15");
        assertThat(fixtures.uses(organizer, sale.eventId(), "Spring15")).isEqualTo(1);
    }

    @Test
    void takesAFixedAmountOffAtMostTheEligibleTickets() {
        var event = fixtures.catalog.createEvent(organizer, CatalogFixtures.event(organizer, "Two types " + UUID.randomUUID()));
        var cheap = fixtures.catalog.generalAdmission(organizer, event, "Balcony", 10, 500, "EUR");
        var dear = fixtures.catalog.generalAdmission(organizer, event, "Floor", 10, 4000, "EUR");
        fixtures.catalog.publish(organizer, event);
        fixtures.coupon(organizer, event, "code", "BALCONY10", "kind", "FIXED", "amountMinor", 1000, "currency", "EUR",
                "ticketTypeIds", List.of(cheap));
        fixtures.coupon(organizer, event, "code", "FIVE", "kind", "FIXED", "amountMinor", 500, "currency", "EUR");

        var capped = fixtures.order(buyer, fixtures.hold(buyer, event, cheap, 1), "couponCode", "balcony10");
        var whole = fixtures.order(buyer, fixtures.hold(buyer, event, dear, 1), "couponCode", "five");
        var otherTickets = fixtures.order(buyer, fixtures.hold(buyer, event, dear, 1), "couponCode", "BALCONY10");

        assertThat(capped.json().get("discount").asLong()).isEqualTo(500);
        assertThat(capped.json().get("total").asLong()).isZero();
        assertThat(whole.json().get("total").asLong()).isEqualTo(3500);
        assertThat(otherTickets.status()).isEqualTo(422);
        assertThat(otherTickets.code()).isEqualTo("order.coupon_invalid");
        assertThat(otherTickets.get("reason")).isEqualTo("not_applicable");
        assertThat(fixtures.uses(organizer, event, "BALCONY10")).isEqualTo(1);
    }

    @Test
    void refusesACouponOutsideItsWindowBelowItsMinimumOrUnknownAndSaysWhy() {
        var sale = fixtures.sale(organizer, 20, 1000);
        var now = clock.instant();
        fixtures.coupon(organizer, sale.eventId(), "code", "LATER", "kind", "PERCENT", "percent", 10,
                "validFrom", now.plus(Duration.ofMinutes(5)).toString());
        fixtures.coupon(organizer, sale.eventId(), "code", "SOON-OVER", "kind", "PERCENT", "percent", 10,
                "validUntil", now.plus(Duration.ofMinutes(5)).toString());
        fixtures.coupon(organizer, sale.eventId(), "code", "BIG-BASKET", "kind", "PERCENT", "percent", 10,
                "minSubtotalMinor", 2000);

        var early = fixtures.order(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1), "couponCode", "later");
        var small = fixtures.order(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1), "couponCode", "big-basket");
        var big = fixtures.order(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2), "couponCode", "big-basket");
        var unknown = fixtures.order(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1), "couponCode", "nope");
        var inTime = fixtures.order(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1), "couponCode", "soon-over");
        clock.advance(Duration.ofMinutes(6));
        var buyerNow = fixtures.catalog.customer();
        var nowValid = fixtures.order(buyerNow, fixtures.hold(buyerNow, sale.eventId(), sale.ticketTypeId(), 1), "couponCode", "LATER");
        var over = fixtures.order(buyerNow, fixtures.hold(buyerNow, sale.eventId(), sale.ticketTypeId(), 1), "couponCode", "soon-over");

        assertThat(early.get("reason")).isEqualTo("not_yet_valid");
        assertThat(small.status()).isEqualTo(422);
        assertThat(small.get("reason")).isEqualTo("below_minimum");
        assertThat(big.json().get("discount").asLong()).isEqualTo(200);
        assertThat(unknown.get("reason")).isEqualTo("unknown");
        assertThat(inTime.json().get("discount").asLong()).isEqualTo(100);
        assertThat(nowValid.json().get("discount").asLong()).isEqualTo(100);
        assertThat(over.code()).isEqualTo("order.coupon_invalid");
        assertThat(over.get("reason")).isEqualTo("expired");
    }

    @Test
    void keepsCodesUniquePerEventInAnyLetterCaseAndOnlyForItsOrganizers() {
        var sale = fixtures.sale(organizer, 10, 1000);
        var stranger = fixtures.catalog.organizer();

        var created = fixtures.coupon(organizer, sale.eventId(), "code", "VIP", "kind", "PERCENT", "percent", 20,
                "maxUses", 5);
        var again = fixtures.coupon(organizer, sale.eventId(), "code", "vip", "kind", "PERCENT", "percent", 10);
        var strangers = fixtures.coupon(stranger, sale.eventId(), "code", "MINE", "kind", "PERCENT", "percent", 10);
        var strangersList = api.as(stranger.token()).get("/api/v1/events/" + sale.eventId() + "/coupons");
        var tooShort = fixtures.coupon(organizer, sale.eventId(), "code", "AB", "kind", "PERCENT", "percent", 10);
        var tooMuch = fixtures.coupon(organizer, sale.eventId(), "code", "ABC", "kind", "PERCENT", "percent", 101);
        var noAmount = fixtures.coupon(organizer, sale.eventId(), "code", "ABC", "kind", "FIXED");
        var tooManyUses = fixtures.coupon(organizer, sale.eventId(), "code", "ABC", "kind", "PERCENT", "percent", 5,
                "maxUses", 10_001);
        var customer = api.as(buyer).post("/api/v1/events/" + sale.eventId() + "/coupons",
                CatalogFixtures.body("code", "ABC", "kind", "PERCENT", "percent", 10));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("maxUses").asInt()).isEqualTo(5);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("order.coupon_code_taken");
        assertThat(strangers.status()).isEqualTo(404);
        assertThat(strangersList.status()).isEqualTo(404);
        assertThat(customer.status()).isEqualTo(404);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.code()).isEqualTo("order.invalid_coupon");
        assertThat(tooManyUses.status()).isEqualTo(400);
    }

    @Test
    void givesTheLastTenUsesToExactlyTenOf200RacingBuyers() throws Exception {
        var sale = fixtures.sale(organizer, 300, 1000);
        fixtures.coupon(organizer, sale.eventId(), "code", "LAST10", "kind", "PERCENT", "percent", 50, "maxUses", 10);
        var event = EventId.of(sale.eventId());
        var type = new TicketTypeId(UUID.fromString(sale.ticketTypeId()));
        var buyers = new ArrayList<CurrentUser>();
        var holds = new ArrayList<UUID>();
        for (int i = 0; i < 200; i++) {
            var id = new UserId(UUID.randomUUID());
            buyers.add(new CurrentUser(id, "racer" + i + "@example.test", java.util.Set.of(Role.CUSTOMER), UUID.randomUUID()));
            holds.add(inventory.hold(new HoldRequest.Quantities(event, id, "race-" + i,
                    List.of(new HoldRequest.Item(type, 1)))).id().value());
        }
        var start = new CountDownLatch(1);
        var outcomes = new ArrayList<Future<String>>();

        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 200; i++) {
                var who = buyers.get(i);
                var hold = holds.get(i);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        var order = orders.place(who, "race", new OrderManagement.Placement(hold, "Racer",
                                who.email(), List.of(), "last10"));
                        return order.discount() == 500 ? "discounted" : "full price";
                    } catch (CouponInvalid refused) {
                        return "refused";
                    }
                }));
            }
            start.countDown();
        }

        var results = new ArrayList<String>();
        for (var outcome : outcomes) {
            results.add(outcome.get());
        }
        assertThat(results).filteredOn("discounted"::equals).hasSize(10);
        assertThat(results).filteredOn("refused"::equals).hasSize(190);
        assertThat(fixtures.uses(organizer, sale.eventId(), "LAST10")).isEqualTo(10);
    }

    @Test
    void givesTheUseBackWhenTheOrderExpires() {
        var sale = fixtures.sale(organizer, 10, 1000, "holdDurationMinutes", 1);
        fixtures.coupon(organizer, sale.eventId(), "code", "ONCE", "kind", "PERCENT", "percent", 10, "maxUses", 1);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1),
                "couponCode", "once");
        var secondBuyer = fixtures.catalog.customer();
        var usedUp = fixtures.order(secondBuyer, fixtures.hold(secondBuyer, sale.eventId(), sale.ticketTypeId(), 1),
                "couponCode", "once");

        expiry.expireDue();
        var notYet = api.as(buyer).get("/api/v1/orders/" + order).get("status");
        clock.advance(Duration.ofSeconds(61));
        expiry.expireDue();

        assertThat(usedUp.get("reason")).isEqualTo("used_up");
        assertThat(notYet).isEqualTo("PENDING_PAYMENT");
        assertThat(api.as(buyer).get("/api/v1/orders/" + order).get("status")).isEqualTo("EXPIRED");
        assertThat(fixtures.uses(organizer, sale.eventId(), "ONCE")).isZero();
        assertThat(orders.transitions(new OrderId(UUID.fromString(order)))).extracting(t -> t.to().name(), t -> t.reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PENDING_PAYMENT", "placed"),
                        org.assertj.core.groups.Tuple.tuple("EXPIRED", "not paid before the hold expired"));
        expiry.expireDue();
        assertThat(fixtures.uses(organizer, sale.eventId(), "ONCE")).isZero();
    }

    @Test
    void countsTheUseAgainWhenThePaymentArrivesAfterTheOrderExpired() {
        var sale = fixtures.sale(organizer, 10, 1000, "holdDurationMinutes", 1);
        fixtures.coupon(organizer, sale.eventId(), "code", "LATE", "kind", "PERCENT", "percent", 10, "maxUses", 5);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1),
                "couponCode", "late");
        var checkout = fixtures.checkout(buyer, order);
        clock.advance(Duration.ofSeconds(61));
        expiry.expireDue();
        assertThat(fixtures.uses(organizer, sale.eventId(), "LATE")).isZero();

        var page = new io.usher.support.PageClient("http://localhost:" + port);
        var path = java.net.URI.create(checkout.get("redirectUrl")).getPath();
        page.get(path);
        page.post(path, java.util.Map.of("cardNumber", OrderFixtures.PAYS, "expiry", "12/39", "cvc", "123"));
        fixtures.awaitStatus(buyer, order, "PAID");

        assertThat(fixtures.uses(organizer, sale.eventId(), "LATE")).isEqualTo(1);
    }

    @Test
    void paysAnOrderWithNothingToPayAtCheckoutWithoutAGateway() {
        var sale = fixtures.sale(organizer, 10, 1000);
        fixtures.coupon(organizer, sale.eventId(), "code", "GUESTLIST", "kind", "PERCENT", "percent", 100);
        var order = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2),
                "couponCode", "guestlist");
        assertThat(api.as(buyer).get("/api/v1/orders/" + order).json().get("total").asLong()).isZero();

        var checkout = fixtures.checkout(buyer, order);

        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        assertThat(checkout.json().get("paymentId")).as("no payment").isNull();
        assertThat(checkout.get("redirectUrl")).endsWith("/orders/" + order);
        assertThat(api.as(buyer).get("/api/v1/orders/" + order).get("status")).isEqualTo("PAID");
        assertThat(fixtures.uses(organizer, sale.eventId(), "GUESTLIST")).isEqualTo(1);
        assertThat(orders.transitions(new OrderId(UUID.fromString(order))).getLast().reason())
                .isEqualTo("nothing to pay (total 0)");
        assertThat(fixtures.checkout(buyer, order).code()).isEqualTo("order.not_payable");
    }
}
