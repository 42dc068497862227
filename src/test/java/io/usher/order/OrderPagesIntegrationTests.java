package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** The browser's way through checkout: hold page → payment page → back to the order, paid by the webhook. */
class OrderPagesIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    OrderFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    String base;

    @BeforeEach
    void fixtures() {
        base = "http://localhost:" + port;
        fixtures = new OrderFixtures(api, users, base);
        organizer = fixtures.catalog.organizer();
    }

    @Test
    void paysFromTheHoldPageAndComesBackToThePaidOrder() {
        var buyer = fixtures.catalog.customer();
        var sale = fixtures.sale(organizer, 10, 2500);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2);
        var browser = new PageClient(base).withCookie("usher_at", buyer);
        assertThat(browser.get("/holds/" + hold).body()).contains("Continue to payment");

        var checkout = browser.post("/holds/" + hold + "/checkout", Map.of("name", "Ann Buyer", "email", "ann@example.test"));

        assertThat(checkout.status()).isEqualTo(302);
        var payPage = URI.create(checkout.location()).getPath();
        assertThat(payPage).startsWith("/pay/test/");
        var gateway = new PageClient(base);
        assertThat(gateway.get(payPage).status()).isEqualTo(200);
        var paid = gateway.post(payPage, Map.of("cardNumber", OrderFixtures.PAYS, "expiry", "12/39", "cvc", "123"));
        var orderPage = URI.create(paid.location()).getPath();
        assertThat(orderPage).startsWith("/orders/");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> browser.get(orderPage).body().contains("id=\"order-paid\""));
        assertThat(browser.get(orderPage).body()).contains("€50.00").contains("Ann Buyer");

        browser.get("/holds/" + hold);
        var again = browser.post("/holds/" + hold + "/checkout", Map.of("name", "Ann Buyer", "email", "ann@example.test"));
        assertThat(again.location()).endsWith(orderPage);
        var stranger = new PageClient(base).withCookie("usher_at", fixtures.catalog.customer());
        assertThat(stranger.get(orderPage).status()).isEqualTo(404);
    }

    @Test
    void sendsTheBuyerBackToTheHoldPageWithTheReasonWhenCheckoutIsRefused() {
        var buyer = fixtures.catalog.customer();
        var sale = fixtures.sale(organizer, 10, 2500);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1);
        var browser = new PageClient(base).withCookie("usher_at", buyer);
        browser.get("/holds/" + hold);

        var noEmail = browser.post("/holds/" + hold + "/checkout", Map.of("name", "Ann Buyer", "email", ""));
        var badCoupon = browser.post("/holds/" + hold + "/checkout",
                Map.of("name", "Ann Buyer", "email", "ann@example.test", "couponCode", "NOPE-NOT-A-CODE"));

        assertThat(noEmail.location()).endsWith("/holds/" + hold + "?error=checkout-details");
        assertThat(badCoupon.location()).endsWith("/holds/" + hold + "?error=coupon-invalid");
        assertThat(browser.get("/holds/" + hold + "?error=coupon-invalid").body())
                .contains("That coupon code cannot be used for these tickets.");
        var anonymous = new PageClient(base);
        anonymous.get("/login");
        assertThat(anonymous.post("/holds/" + hold + "/checkout", Map.of()).location()).contains("/login?next=");
    }
}
