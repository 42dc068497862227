package io.usher.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Who sees an order: its buyer, the event's organizers (list, search, CSV), an admin; nobody else. */
class OrderReadsIntegrationTests extends IntegrationTest {

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
    void showsBuyersTheirOwnOrdersOnly() {
        var sale = fixtures.sale(organizer, 10, 1000);
        var first = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1));
        var second = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1));
        var stranger = fixtures.catalog.customer();

        var mine = api.as(buyer).get("/api/v1/me/orders");
        var theirs = api.as(stranger).get("/api/v1/orders/" + first);
        var strangersList = api.as(stranger).get("/api/v1/me/orders");
        var otherOrganizer = api.as(fixtures.catalog.organizer().token()).get("/api/v1/orders/" + first);
        var anonymous = api.get("/api/v1/orders/" + first);

        assertThat(mine.json().valueStream().map(o -> o.get("id").asString())).containsExactlyInAnyOrder(first, second);
        assertThat(api.as(buyer).get("/api/v1/orders/" + first).get("id")).isEqualTo(first);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.code()).isEqualTo("order.not_found");
        assertThat(otherOrganizer.status()).isEqualTo(404);
        assertThat(strangersList.json().size()).isZero();
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void letsTheEventsOrganizersAndAdminsSearchItsOrders() {
        var sale = fixtures.sale(organizer, 10, 1000);
        var ann = fixtures.placed(buyer, fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 1));
        var other = fixtures.catalog.customer();
        var hold = fixtures.hold(other, sale.eventId(), sale.ticketTypeId(), 1);
        var zed = api.as(other).with("Idempotency-Key", "z").post("/api/v1/orders",
                Map.of("holdId", hold, "buyer", Map.of("name", "Zed Zimmer", "email", "zed@example.test"))).get("id");
        var base = "/api/v1/events/" + sale.eventId() + "/orders";
        var admin = users.signedIn(api, "admin", Role.ADMIN);

        var all = api.as(organizer.token()).get(base);
        var byName = api.as(organizer.token()).get(base + "?q=zimm");
        var byEmail = api.as(organizer.token()).get(base + "?q=ANN@example");
        var byId = api.as(organizer.token()).get(base + "?q=" + zed.substring(0, 8));
        var byStatus = api.as(organizer.token()).get(base + "?status=PAID");
        var paged = api.as(organizer.token()).get(base + "?size=1&page=1");
        var wildcard = api.as(organizer.token()).get(base + "?q=%25");
        var asAdmin = api.as(admin).get(base);
        var stranger = api.as(fixtures.catalog.organizer().token()).get(base);
        var customer = api.as(buyer).get(base);

        assertThat(all.json().size()).isEqualTo(2);
        assertThat(byName.json().valueStream().map(o -> o.get("id").asString())).containsExactly(zed);
        assertThat(byEmail.json().valueStream().map(o -> o.get("id").asString())).containsExactly(ann);
        assertThat(byId.json().valueStream().map(o -> o.get("id").asString())).containsExactly(zed);
        assertThat(byStatus.json().size()).isZero();
        assertThat(paged.json().size()).isEqualTo(1);
        assertThat(wildcard.json().size()).isZero();
        assertThat(asAdmin.json().size()).isEqualTo(2);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("order.event_not_found");
        assertThat(customer.status()).isEqualTo(404);
    }

    @Test
    void exportsOrdersAsCsvWithQuotedFieldsAndNoFormulas() {
        var sale = fixtures.sale(organizer, 10, 1000);
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2);
        var order = api.as(buyer).with("Idempotency-Key", "csv").post("/api/v1/orders", Map.of("holdId", hold,
                "buyer", Map.of("name", "Smith, \"Jo\"", "email", "jo@example.test"),
                "attendees", java.util.List.of(Map.of("name", "=HYPERLINK(\"x\")")))).get("id");

        var csv = api.as(organizer.token()).get("/api/v1/events/" + sale.eventId() + "/orders.csv");
        var stranger = api.as(fixtures.catalog.organizer().token()).get("/api/v1/events/" + sale.eventId() + "/orders.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        var lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("order_id,status,created_at,buyer_name");
        assertThat(lines[1]).startsWith(order + ",PENDING_PAYMENT,")
                .contains(",\"Smith, \"\"Jo\"\"\",jo@example.test,General admission,,\"'=HYPERLINK(\"\"x\"\")\",1000,0,2000,EUR");
        assertThat(lines[2]).contains(",\"Smith, \"\"Jo\"\"\",jo@example.test,General admission,,\"Smith, \"\"Jo\"\"\",1000,0,2000,EUR");
        assertThat(stranger.status()).isEqualTo(404);
    }
}
