package io.usher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.common.EventId;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** What orders add to a ticket's price: the event's tax rate and the ticket type's fee. */
class CatalogPricingIntegrationTests extends IntegrationTest {

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
    void keepsTheTaxRateAndFeeAndShowsThemToOtherModules() {
        var event = fixtures.createEvent(organizer, CatalogFixtures.event(organizer, "Taxed " + UUID.randomUUID(),
                "taxRateBasisPoints", 1900));
        var type = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types", CatalogFixtures.body(
                "name", "Entry", "priceMinor", 2000, "currency", "EUR", "capacity", 10, "feeMinor", 150));
        fixtures.publish(organizer, event);

        var read = catalog.event(EventId.of(event)).orElseThrow();

        assertThat(type.status()).as(type.toString()).isEqualTo(201);
        assertThat(type.json().get("feeMinor").asLong()).isEqualTo(150);
        assertThat(read.taxRateBasisPoints()).isEqualTo(1900);
        assertThat(read.ticketTypes().getFirst().fee().minor()).isEqualTo(150);
        assertThat(read.ticketTypes().getFirst().fee().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(api.get("/api/v1/events/" + event).json().get("taxRateBasisPoints").asInt()).isEqualTo(1900);
    }

    @Test
    void defaultsToNoTaxAndNoFeeAndKeepsThemWhenAnUpdateLeavesThemOut() {
        var event = fixtures.createEvent(organizer, CatalogFixtures.event(organizer, "Plain " + UUID.randomUUID()));
        var type = fixtures.generalAdmission(organizer, event, "Entry", 10, 1000, "EUR");
        var untaxed = api.as(organizer.token()).get("/api/v1/events/" + event).json();

        var patched = api.as(organizer.token()).patch("/api/v1/events/" + event, Map.of("taxRateBasisPoints", 700));
        var replacement = CatalogFixtures.event(organizer, "Plain again");
        replacement.remove("organizationId");
        var replaced = api.as(organizer.token()).put("/api/v1/events/" + event, replacement);
        var withFee = api.as(organizer.token()).put("/api/v1/events/" + event + "/ticket-types/" + type,
                CatalogFixtures.body("name", "Entry", "priceMinor", 1000, "currency", "EUR", "capacity", 10,
                        "feeMinor", 99));
        var feeKept = api.as(organizer.token()).put("/api/v1/events/" + event + "/ticket-types/" + type,
                CatalogFixtures.body("name", "Entry", "priceMinor", 1200, "currency", "EUR", "capacity", 10));

        assertThat(untaxed.get("taxRateBasisPoints").asInt()).isZero();
        assertThat(untaxed.get("ticketTypes").get(0).get("feeMinor").asLong()).isZero();
        assertThat(patched.json().get("taxRateBasisPoints").asInt()).isEqualTo(700);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("taxRateBasisPoints").asInt()).isEqualTo(700);
        assertThat(withFee.json().get("feeMinor").asLong()).isEqualTo(99);
        assertThat(feeKept.json().get("feeMinor").asLong()).isEqualTo(99);
        assertThat(feeKept.json().get("priceMinor").asLong()).isEqualTo(1200);
    }

    @Test
    void refusesATaxRateAbove100PercentAndANegativeFee() {
        var tooMuch = api.as(organizer.token()).post("/api/v1/events", CatalogFixtures.event(organizer,
                "Over " + UUID.randomUUID(), "taxRateBasisPoints", 10_001));
        var event = fixtures.createEvent(organizer, CatalogFixtures.event(organizer, "Fee " + UUID.randomUUID()));
        var negative = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types", CatalogFixtures.body(
                "name", "Entry", "priceMinor", 2000, "currency", "EUR", "capacity", 10, "feeMinor", -1));

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(CatalogFixtures.fields(tooMuch)).contains("taxRateBasisPoints");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(CatalogFixtures.fields(negative)).contains("feeMinor");
    }
}
