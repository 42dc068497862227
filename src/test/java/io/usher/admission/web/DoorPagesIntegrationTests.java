package io.usher.admission.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.admission.AdmissionFixtures;
import io.usher.catalog.CatalogFixtures;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** The door's scanner page without a browser: plain form posts, htmx fragments, and who may open it. */
class DoorPagesIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    AdmissionFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    CatalogFixtures.Sale sale;
    AdmissionFixtures.DoorStaff door;

    @BeforeEach
    void fixtures() {
        fixtures = new AdmissionFixtures(api, users, "http://localhost:" + port);
        organizer = fixtures.orders.catalog.organizer();
        sale = fixtures.orders.sale(organizer, 100, 2500);
        door = fixtures.doorStaffAccount(organizer);
    }

    @Test
    void admitsATypedCodeWithAPlainFormPostAndRefusesItTheSecondTimeWithWhenAndWhere() {
        var buyer = fixtures.orders.catalog.customer();
        var ticket = fixtures.tickets(buyer, fixtures.orders.paid(buyer, sale, 2), 2).getFirst();
        var client = signedIn(door.email());
        var scanner = "/door/events/" + sale.eventId();

        var page = client.get(scanner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Checked in: 0 of 2").contains("role=\"status\"");

        var first = client.post(scanner + "/checkins", Map.of("gate", "North", "ticket", (String) ticket.get("code")));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("scan-admitted").contains("Admitted").contains("Ann Buyer")
                .contains("General admission").contains("Checked in: 1 of 2").contains("value=\"North\"");

        var again = client.post(scanner + "/checkins", Map.of("gate", "South",
                "ticket", ((String) ticket.get("code")).toLowerCase().replace("-", " ")));
        assertThat(again.body()).contains("scan-refused").contains("Already checked in").containsPattern(
                "at \\d\\d:\\d\\d:\\d\\d( on [A-Za-z0-9 ]+)?, gate North").contains("Checked in: 1 of 2");
    }

    @Test
    void answersAnHtmxScanWithTheResultAndTheCountOnly() {
        var buyer = fixtures.orders.catalog.customer();
        var ticket = fixtures.tickets(buyer, fixtures.orders.paid(buyer, sale, 1), 1).getFirst();
        var client = signedIn(door.email());
        var scanner = "/door/events/" + sale.eventId();
        client.get(scanner);

        client.withHeader("HX-Request", "true");
        var admitted = client.post(scanner + "/checkins", Map.of("gate", "East", "ticket", (String) ticket.get("qrToken")));
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.body()).doesNotContain("<html").contains("scan-admitted")
                .contains("id=\"door-progress\"").contains("hx-swap-oob=\"true\"").contains("Checked in: 1 of 1");

        var forged = client.post(scanner + "/checkins", Map.of("gate", "East", "ticket", "7KQ4-M9XP-T0"));
        assertThat(forged.body()).contains("scan-refused").contains("Not a ticket code");
    }

    @Test
    void showsTheDoorOnlyToStaffOfTheOrganizingOrganization() {
        var stranger = fixtures.doorStaffAccount(fixtures.orders.catalog.organizer());
        var customer = users.create("customer", io.usher.identity.Role.CUSTOMER);

        assertThat(signedIn(door.email()).get("/door").body()).contains("/door/events/" + sale.eventId());
        assertThat(signedIn(stranger.email()).get("/door").body()).doesNotContain(sale.eventId());
        assertThat(signedIn(stranger.email()).get("/door/events/" + sale.eventId()).status()).isEqualTo(403);
        assertThat(signedIn(customer).get("/door/events/" + sale.eventId()).status()).isEqualTo(403);
        assertThat(signedIn(door.email()).get("/door/events/00000000-0000-0000-0000-000000000001").status())
                .isEqualTo(404);
        assertThat(new PageClient("http://localhost:" + port).get("/door").location()).contains("/login?next=");
    }

    @Test
    void showsOrganizersSalesRevenueAndCheckInsAndHidesThemFromOthers() {
        var buyer = fixtures.orders.catalog.customer();
        var tickets = fixtures.tickets(buyer, fixtures.orders.paid(buyer, sale, 3), 3);
        assertThat(fixtures.checkIn(door.token(), sale.eventId(), "code", (String) tickets.getFirst().get("code"), "North")
                .status()).isEqualTo(200);
        assertThat(fixtures.checkIn(door.token(), sale.eventId(), "code", (String) tickets.getFirst().get("code"), "West")
                .status()).isEqualTo(409);

        var stats = api.as(organizer.token()).get("/api/v1/events/" + sale.eventId() + "/admission-stats");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        var json = stats.json();
        assertThat(json.get("ticketsSold").asLong()).isEqualTo(3);
        assertThat(json.get("currency").asString()).isEqualTo("EUR");
        assertThat(json.get("revenueMinor").asLong()).isGreaterThanOrEqualTo(7500);
        assertThat(json.get("checkedIn").asLong()).isEqualTo(1);
        assertThat(json.get("validTickets").asLong()).isEqualTo(3);
        assertThat(json.get("refusedScans").asLong()).isEqualTo(1);
        assertThat(json.get("ticketTypes").get(0).get("sold").asLong()).isEqualTo(3);
        assertThat(json.get("ticketTypes").get(0).get("checkedIn").asLong()).isEqualTo(1);
        assertThat(json.get("recentScans").get(0).get("result").asString()).isEqualTo("admission.already_checked_in");

        var dashboard = signedIn(organizer.email()).get("/organizer/events/" + sale.eventId() + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("1 of 3").contains("33.3 %").contains("€")
                .contains("Already checked in").contains("hx-trigger=\"every 5s\"");
        var live = signedIn(organizer.email()).get("/organizer/events/" + sale.eventId() + "/dashboard/live");
        assertThat(live.body()).doesNotContain("<html").contains("id=\"dashboard-live\"");

        var other = fixtures.orders.catalog.organizer();
        assertThat(api.as(other.token()).get("/api/v1/events/" + sale.eventId() + "/admission-stats").status())
                .isEqualTo(404);
        assertThat(api.as(door.token()).get("/api/v1/events/" + sale.eventId() + "/admission-stats").status())
                .isEqualTo(404);
        assertThat(signedIn(other.email()).get("/organizer/events/" + sale.eventId() + "/dashboard").status())
                .isEqualTo(404);
    }

    private PageClient signedIn(String email) {
        var client = new PageClient("http://localhost:" + port);
        client.get("/login");
        assertThat(client.post("/login", Map.of("email", email, "password", Accounts.PASSWORD)).status())
                .isEqualTo(302);
        return client;
    }
}
