package io.usher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.common.EventId;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** The per-event refund policy: set by organizers, validated, read by other modules, shown to buyers. */
class RefundPolicyIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    Catalog catalog;

    CatalogFixtures fixtures;
    CatalogFixtures.Organizer organizer;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(api, users);
        organizer = fixtures.organizer();
    }

    @Test
    void keepsTheRefundPolicyAndGivesOtherModulesItsDeadline() {
        var sale = fixtures.published(organizer, CatalogFixtures.event(organizer, "Refundable " + UUID.randomUUID(),
                "refundDaysBefore", 7), 10, 1000);

        var read = catalog.event(EventId.of(sale.eventId())).orElseThrow();

        assertThat(read.refundDaysBefore()).isEqualTo(7);
        // 1 May 2031 20:00 in Berlin (CEST) is 18:00 UTC
        assertThat(read.refundDeadline()).contains(Instant.parse("2031-04-24T18:00:00Z"));
        assertThat(api.get("/api/v1/events/" + sale.eventId()).json().get("refundDaysBefore").asInt()).isEqualTo(7);
        assertThat(new PageClient("http://localhost:" + port).get("/events/" + sale.eventId()).body())
                .contains("Full refund until Thu 24 Apr 2031, 20:00 CEST");
    }

    @Test
    void noPolicyMeansNoRefundsAndAPatchKeepsOrRemovesIt() {
        var event = fixtures.createEvent(organizer, CatalogFixtures.event(organizer, "Final sale " + UUID.randomUUID()));
        var none = api.as(organizer.token()).get("/api/v1/events/" + event).json();

        var set = api.as(organizer.token()).patch("/api/v1/events/" + event, Map.of("refundDaysBefore", 0));
        var kept = api.as(organizer.token()).patch("/api/v1/events/" + event, Map.of("title", "Final sale again"));
        var removal = new HashMap<String, Object>();
        removal.put("refundDaysBefore", null);
        var removed = api.as(organizer.token()).patch("/api/v1/events/" + event, removal);
        fixtures.generalAdmission(organizer, event, "Entry", 10, 1000, "EUR");
        fixtures.publish(organizer, event);

        assertThat(none.has("refundDaysBefore")).as("no policy").isFalse();
        assertThat(set.json().get("refundDaysBefore").asInt()).isZero();
        assertThat(kept.json().get("refundDaysBefore").asInt()).isZero();
        assertThat(removed.json().has("refundDaysBefore")).as("removed").isFalse();
        assertThat(catalog.event(EventId.of(event)).orElseThrow().refundDeadline()).isEmpty();
        assertThat(new PageClient("http://localhost:" + port).get("/events/" + event).body()).contains("No refunds");
    }

    @Test
    void refusesAPolicyOutsideZeroTo365Days() {
        var negative = api.as(organizer.token()).post("/api/v1/events", CatalogFixtures.event(organizer,
                "Negative " + UUID.randomUUID(), "refundDaysBefore", -1));
        var event = fixtures.createEvent(organizer, CatalogFixtures.event(organizer, "Long " + UUID.randomUUID()));
        var tooLong = api.as(organizer.token()).patch("/api/v1/events/" + event, Map.of("refundDaysBefore", 366));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("catalog.invalid_event");
        assertThat(CatalogFixtures.fields(negative)).containsExactly("refundDaysBefore");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(CatalogFixtures.fields(tooLong)).containsExactly("refundDaysBefore");
    }

    @Test
    void organizersSetThePolicyInTheConsoleForm() {
        var client = new PageClient("http://localhost:" + port);
        client.get("/login");
        client.post("/login", Map.of("email", organizer.email(), "password", Accounts.PASSWORD));
        client.get("/organizer/events/new");
        var form = new LinkedHashMap<String, String>(Map.of("organizationId", organizer.organizationId(),
                "title", "Console refunds", "description", "", "category", "CONCERT", "where", "location",
                "location", "Harbour Hall", "timezone", "Europe/Berlin", "startsAt", "2031-07-01T19:30",
                "endsAt", "2031-07-01T22:00", "holdDurationMinutes", "10"));
        form.put("maxTicketsPerBuyer", "6");
        form.put("imageUrl", "");
        form.put("refundDaysBefore", "400");
        var invalid = client.post("/organizer/events", form);
        form.put("refundDaysBefore", "14");
        var created = client.post("/organizer/events", form);
        var id = created.location().replaceAll(".*/organizer/events/([0-9a-f-]{36}).*", "$1");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"refundDaysBefore-error\"");
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(client.get("/organizer/events/" + id + "/edit").body()).contains("value=\"14\"");
        assertThat(api.as(organizer.token()).get("/api/v1/events/" + id).json().get("refundDaysBefore").asInt())
                .isEqualTo(14);
    }
}
