package io.usher.catalog;

import static io.usher.catalog.CatalogFixtures.body;
import static io.usher.catalog.CatalogFixtures.event;
import static io.usher.catalog.CatalogFixtures.fields;
import static io.usher.catalog.CatalogFixtures.plan;
import static io.usher.catalog.CatalogFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

/** Ticket types: their rules, seated binding, and inventory following every change in the same transaction. */
class TicketTypeIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    CatalogFixtures fixtures;
    CatalogFixtures.Organizer organizer;

    @BeforeEach
    void organizer() {
        fixtures = new CatalogFixtures(api, users);
        organizer = fixtures.organizer();
    }

    @Test
    void createsAGeneralAdmissionTypeWithDefaults() {
        var event = fixtures.createEvent(organizer, event(organizer, "General admission only"));

        var created = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types", body("name",
                "Early bird", "priceMinor", 1999, "currency", "eur", "capacity", 100, "saleStartsAt",
                "2030-01-01T00:00:00Z", "saleEndsAt", "2031-04-30T00:00:00Z"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var type = created.json();
        assertThat(type.get("currency").asString()).isEqualTo("EUR");
        assertThat(type.get("priceMinor").asLong()).isEqualTo(1999);
        assertThat(type.get("seated").asBoolean()).isFalse();
        assertThat(type.get("minPerOrder").asInt()).isEqualTo(1);
        assertThat(type.get("maxPerOrder").asInt()).isEqualTo(10);
        assertThat(type.get("saleEndsAt").asString()).isEqualTo("2031-04-30T00:00:00Z");
        assertThat(api.as(organizer.token()).get("/api/v1/events/" + event).json().get("ticketTypes").get(0)
                .get("id").asString()).isEqualTo(type.get("id").asString());
    }

    @Test
    void validatesEveryField() {
        var event = fixtures.createEvent(organizer, event(organizer, "Invalid types"));

        var invalid = post(event, body("name", "", "priceMinor", -1, "currency", "EURO", "capacity", -5,
                "saleStartsAt", "2031-01-02T00:00:00Z", "saleEndsAt", "2031-01-01T00:00:00Z",
                "minPerOrder", 5, "maxPerOrder", 4));
        var tooMany = post(event, body("name", "Bulk", "priceMinor", 0, "currency", "XYZ", "capacity", 1,
                "maxPerOrder", 21));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("catalog.invalid_ticket_type");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "priceMinor", "currency", "capacity",
                "saleEndsAt", "maxPerOrder");
        assertThat(fields(tooMany)).containsExactlyInAnyOrder("currency", "maxPerOrder");
    }

    @Test
    void keepsOneCurrencyAndUniqueNamesPerEvent() {
        var event = fixtures.createEvent(organizer, event(organizer, "One currency"));
        fixtures.generalAdmission(organizer, event, "Standard", 10, 1000, "EUR");

        var dollars = post(event, body("name", "Dollar seat", "priceMinor", 1000, "currency", "USD", "capacity", 10));
        var sameName = post(event, body("name", "STANDARD", "priceMinor", 1000, "currency", "EUR", "capacity", 10));

        assertThat(dollars.status()).isEqualTo(409);
        assertThat(dollars.code()).isEqualTo("catalog.currency_mismatch");
        assertThat(dollars.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(sameName.code()).isEqualTo("catalog.name_taken");
    }

    @Test
    void bindsSeatedTypesToSectionsAndRefusesASeatInTwoTypes() {
        var venue = fixtures.venue(organizer, 500, plan(section("A", 1, 3, 10, List.of(1)),
                section("B", 1, 2, 5, List.of())));
        var a = sectionId(venue.json(), 0);
        var b = sectionId(venue.json(), 1);
        var event = fixtures.createEvent(organizer, event(organizer, "Seated", "location", null, "timezone", null,
                "venueId", venue.get("id")));

        var stalls = post(event, body("name", "Stalls", "priceMinor", 5000, "currency", "EUR", "sectionIds", List.of(a)));
        var overlapping = post(event, body("name", "Everything", "priceMinor", 4000, "currency", "EUR",
                "sectionIds", List.of(a, b)));
        var withCapacity = post(event, body("name", "Balcony", "priceMinor", 4000, "currency", "EUR",
                "sectionIds", List.of(b), "capacity", 10));
        var unknown = post(event, body("name", "Balcony", "priceMinor", 4000, "currency", "EUR",
                "sectionIds", List.of(java.util.UUID.randomUUID())));
        var balcony = post(event, body("name", "Balcony", "priceMinor", 4000, "currency", "EUR", "sectionIds", List.of(b)));
        var toGeneral = api.as(organizer.token()).put("/api/v1/events/" + event + "/ticket-types/" + stalls.get("id"),
                body("name", "Stalls", "priceMinor", 5000, "currency", "EUR", "capacity", 30));

        assertThat(stalls.status()).as(stalls.toString()).isEqualTo(201);
        assertThat(stalls.json().get("seated").asBoolean()).isTrue();
        assertThat(stalls.json().get("capacity").asInt()).isEqualTo(30);
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.code()).isEqualTo("catalog.seats_already_assigned");
        assertThat(overlapping.json().get("sectionIds").valueStream().map(JsonNode::asString)).containsExactly(a);
        assertThat(fields(withCapacity)).containsExactly("capacity");
        assertThat(fields(unknown)).containsExactly("sectionIds");
        assertThat(balcony.json().get("capacity").asInt()).isEqualTo(10);
        assertThat(toGeneral.code()).isEqualTo("catalog.ticket_type_kind_fixed");
        var locationEvent = fixtures.createEvent(organizer, event(organizer, "No venue"));
        assertThat(fields(post(locationEvent, body("name", "Seats", "priceMinor", 1, "currency", "EUR",
                "sectionIds", List.of(a))))).containsExactly("sectionIds");
    }

    @Test
    void refusesToShrinkBelowWhatIsHeldAndChangesNothing() {
        var sale = fixtures.published(organizer, event(organizer, "Small hall"), 5, 1500);
        var held = fixtures.hold(fixtures.customer(), sale.eventId(), sale.ticketTypeId(), 2);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);

        var shrunk = api.as(organizer.token()).put("/api/v1/events/" + sale.eventId() + "/ticket-types/"
                + sale.ticketTypeId(), body("name", "Cheaper and fewer", "priceMinor", 900, "currency", "EUR",
                "capacity", 1));
        var deleted = api.as(organizer.token()).delete("/api/v1/events/" + sale.eventId() + "/ticket-types/"
                + sale.ticketTypeId());

        assertThat(shrunk.status()).isEqualTo(409);
        assertThat(shrunk.code()).isEqualTo("inventory.capacity_below_committed");
        assertThat(shrunk.json().get("committed").asInt()).isEqualTo(2);
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.code()).isIn("inventory.capacity_below_committed", "catalog.last_ticket_type");
        var type = api.get("/api/v1/events/" + sale.eventId()).json().get("ticketTypes").get(0);
        assertThat(type.get("name").asString()).isEqualTo("General admission");
        assertThat(type.get("capacity").asInt()).isEqualTo(5);
        assertThat(type.get("priceMinor").asLong()).isEqualTo(1500);
        var availability = api.get("/api/v1/events/" + sale.eventId() + "/availability").json();
        assertThat(availability.get("ticketTypes").get(0).get("capacity").asInt()).isEqualTo(5);

        var grown = api.as(organizer.token()).put("/api/v1/events/" + sale.eventId() + "/ticket-types/"
                + sale.ticketTypeId(), body("name", "General admission", "priceMinor", 1500, "currency", "EUR",
                "capacity", 2));
        assertThat(grown.status()).as("down to exactly what is held is fine").isEqualTo(200);
    }

    @Test
    void deletesATypeOnlyWhileNothingOfItWasHeld() {
        var sale = fixtures.published(organizer, event(organizer, "Two types"), 5, 1500);
        var vip = fixtures.generalAdmission(organizer, sale.eventId(), "VIP", 5, 9000, "EUR");
        var unused = fixtures.generalAdmission(organizer, sale.eventId(), "Unused", 5, 100, "EUR");
        assertThat(fixtures.hold(fixtures.customer(), sale.eventId(), vip, 1).status()).isEqualTo(201);
        var as = api.as(organizer.token());

        var heldOnce = as.delete("/api/v1/events/" + sale.eventId() + "/ticket-types/" + vip);
        var neverHeld = as.delete("/api/v1/events/" + sale.eventId() + "/ticket-types/" + unused);

        assertThat(heldOnce.status()).isEqualTo(409);
        assertThat(heldOnce.code()).isEqualTo("inventory.capacity_below_committed");
        assertThat(neverHeld.status()).isEqualTo(204);
        var names = api.get("/api/v1/events/" + sale.eventId() + "/ticket-types").json().valueStream()
                .map(t -> t.get("name").asString()).toList();
        assertThat(names).containsExactly("General admission", "VIP");
        assertThat(fixtures.hold(fixtures.customer(), sale.eventId(), unused, 1).code())
                .isEqualTo("inventory.ticket_type_not_found");
        assertThat(as.delete("/api/v1/events/" + sale.eventId() + "/ticket-types/" + unused).code())
                .isEqualTo("catalog.ticket_type_not_found");
    }

    @Test
    void keepsTheLastTicketTypeOfAPublishedEvent() {
        var sale = fixtures.published(organizer, event(organizer, "Single type"), 5, 1500);

        var refused = api.as(organizer.token()).delete("/api/v1/events/" + sale.eventId() + "/ticket-types/"
                + sale.ticketTypeId());

        assertThat(refused.code()).isEqualTo("catalog.last_ticket_type");
    }

    @Test
    void followsSeatingPlanChangesAndRefusesToDropAHeldSeat() {
        var venue = fixtures.venue(organizer, 500, plan(section("A", 1, 2, 4, List.of())));
        var venueId = venue.get("id");
        var a = sectionId(venue.json(), 0);
        var row1 = venue.json().get("seatingPlan").get("sections").get(0).get("rows").get(0);
        var event = fixtures.createEvent(organizer, event(organizer, "Growing", "location", null, "timezone", null,
                "venueId", venueId));
        var type = post(event, body("name", "Seats", "priceMinor", 3000, "currency", "EUR", "sectionIds", List.of(a)))
                .get("id");
        fixtures.publish(organizer, event);
        var as = api.as(organizer.token());

        as.post("/api/v1/venues/" + venueId + "/sections/" + a + "/rows", body("label", "3", "seats", 4));
        var renamed = as.patch("/api/v1/venues/" + venueId + "/sections/" + a, Map.of("name", "Parterre"));
        var grown = api.get("/api/v1/events/" + event).json();
        var firstSeat = grown.get("seatingPlan").get("sections").get(0).get("rows").get(0).get("seats").get(0)
                .get("id").asString();
        var held = fixtures.holdSeats(fixtures.customer(), event, List.of(firstSeat));
        var removeHeldRow = as.delete("/api/v1/venues/" + venueId + "/rows/" + row1.get("id").asString());
        var removeHeldSeat = as.delete("/api/v1/venues/" + venueId + "/seats/"
                + row1.get("seats").get(0).get("id").asString());
        var removeFreeSeat = as.delete("/api/v1/venues/" + venueId + "/seats/"
                + row1.get("seats").get(3).get("id").asString());

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(grown.get("ticketTypes").get(0).get("capacity").asInt()).isEqualTo(12);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().get("seats").get(0).get("section").asString()).isEqualTo("Parterre");
        assertThat(removeHeldRow.status()).isEqualTo(409);
        assertThat(removeHeldRow.code()).isEqualTo("inventory.capacity_below_committed");
        assertThat(removeHeldSeat.code()).isEqualTo("inventory.capacity_below_committed");
        assertThat(removeFreeSeat.status()).isEqualTo(200);
        var after = api.get("/api/v1/events/" + event).json();
        assertThat(after.get("ticketTypes").get(0).get("capacity").asInt()).isEqualTo(11);
        assertThat(after.get("seatingPlan").get("sections").get(0).get("rows").get(0).get("seats").size()).isEqualTo(3);
        var availability = api.get("/api/v1/events/" + event + "/availability").json().get("ticketTypes").get(0);
        assertThat(availability.get("capacity").asInt()).isEqualTo(11);
        assertThat(availability.get("available").asInt()).isEqualTo(10);
        assertThat(as.delete("/api/v1/venues/" + venueId + "/sections/" + a).code()).isEqualTo("catalog.section_in_use");
        assertThat(as.put("/api/v1/venues/" + venueId + "/seating-plan", plan()).code())
                .isEqualTo("catalog.section_in_use");
        assertThat(type).isNotNull();
    }

    private Api.Response post(String event, Map<String, Object> body) {
        return api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types", body);
    }

    private static String sectionId(JsonNode venue, int index) {
        return venue.get("seatingPlan").get("sections").get(index).get("id").asString();
    }
}
