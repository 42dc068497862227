package io.usher.catalog;

import static io.usher.catalog.CatalogFixtures.body;
import static io.usher.catalog.CatalogFixtures.fields;
import static io.usher.catalog.CatalogFixtures.plan;
import static io.usher.catalog.CatalogFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

/** Venues and their seating plans: the compact description, editing, and who may see and change them. */
class VenueIntegrationTests extends IntegrationTest {

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
    void expandsTheCompactPlanIntoSectionsRowsAndSeatsWithStableIds() {
        var created = fixtures.venue(organizer, 1000, plan(section("A", 1, 20, 30, List.of(1, 2)),
                section("Balcony", "A", "C", 10, List.of())));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/venues/" + created.get("id"));
        var plan = created.json().get("seatingPlan");
        assertThat(plan.get("seatCount").asInt()).isEqualTo(20 * 30 + 3 * 10);
        var a = plan.get("sections").get(0);
        assertThat(a.get("name").asString()).isEqualTo("A");
        assertThat(a.get("rows").size()).isEqualTo(20);
        assertThat(a.get("rows").get(19).get("label").asString()).isEqualTo("20");
        var firstRow = a.get("rows").get(0).get("seats");
        assertThat(firstRow.size()).isEqualTo(30);
        assertThat(firstRow.get(0).get("accessible").asBoolean()).isTrue();
        assertThat(firstRow.get(1).get("accessible").asBoolean()).isTrue();
        assertThat(firstRow.get(2).get("accessible").asBoolean()).isFalse();
        assertThat(firstRow.get(29).get("number").asInt()).isEqualTo(30);
        var balcony = plan.get("sections").get(1);
        assertThat(balcony.get("rows").valueStream().map(r -> r.get("label").asString())).containsExactly("A", "B", "C");

        var fetched = api.as(organizer.token()).get("/api/v1/venues/" + created.get("id"));
        assertThat(fetched.json().get("seatingPlan")).isEqualTo(plan);
        assertThat(fetched.json().get("timezone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void editsAPlanKeepingTheIdsOfWhatStays() {
        var venue = fixtures.venue(organizer, 500, plan(section("A", 1, 3, 4, List.of())));
        var id = venue.get("id");
        var a = venue.json().get("seatingPlan").get("sections").get(0);
        var sectionId = a.get("id").asString();
        var firstSeat = a.get("rows").get(0).get("seats").get(0).get("id").asString();
        var as = api.as(organizer.token());

        var added = as.post("/api/v1/venues/" + id + "/sections", section("B", "A", "B", 5, List.of(5)));
        var renamed = as.patch("/api/v1/venues/" + id + "/sections/" + sectionId, Map.of("name", "Stalls"));
        var rowAdded = as.post("/api/v1/venues/" + id + "/sections/" + sectionId + "/rows",
                body("label", "4", "seats", 6, "accessibleSeats", List.of(6)));
        var row4 = named(rowAdded.json(), "Stalls").get("rows").get(3);
        var relabelled = as.patch("/api/v1/venues/" + id + "/rows/" + row4.get("id").asString(), Map.of("label", "Back"));
        var seatsAdded = as.post("/api/v1/venues/" + id + "/rows/" + row4.get("id").asString() + "/seats",
                Map.of("count", 2, "accessible", true));
        var seatChanged = as.patch("/api/v1/venues/" + id + "/seats/" + firstSeat,
                Map.of("label", "1a", "accessible", true));
        var secondRow = named(seatChanged.json(), "Stalls").get("rows").get(1).get("id").asString();
        var rowRemoved = as.delete("/api/v1/venues/" + id + "/rows/" + secondRow);
        var lastSeat = named(rowRemoved.json(), "Stalls").get("rows").get(0).get("seats").get(3).get("id").asString();
        var seatRemoved = as.delete("/api/v1/venues/" + id + "/seats/" + lastSeat);
        var b = named(seatRemoved.json(), "B").get("id").asString();
        var sectionRemoved = as.delete("/api/v1/venues/" + id + "/sections/" + b);

        assertThat(List.of(added.status(), rowAdded.status(), seatsAdded.status())).containsOnly(201);
        assertThat(List.of(renamed.status(), relabelled.status(), seatChanged.status(), rowRemoved.status(),
                seatRemoved.status(), sectionRemoved.status())).containsOnly(200);
        assertThat(named(added.json(), "B").get("rows").get(0).get("seats").get(4).get("accessible").asBoolean())
                .isTrue();
        var stalls = named(sectionRemoved.json(), "Stalls");
        assertThat(stalls.get("id").asString()).isEqualTo(sectionId);
        assertThat(stalls.get("rows").valueStream().map(r -> r.get("label").asString()))
                .containsExactly("1", "3", "Back");
        var first = stalls.get("rows").get(0).get("seats").get(0);
        assertThat(first.get("id").asString()).isEqualTo(firstSeat);
        assertThat(first.get("label").asString()).isEqualTo("1a");
        assertThat(first.get("accessible").asBoolean()).isTrue();
        assertThat(stalls.get("rows").get(0).get("seats").size()).isEqualTo(3);
        var back = stalls.get("rows").get(2).get("seats");
        assertThat(back.valueStream().map(s -> s.get("number").asInt())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(back.get(7).get("accessible").asBoolean()).isTrue();
        assertThat(sectionRemoved.json().get("seatingPlan").get("sections").size()).isEqualTo(1);
        assertThat(sectionRemoved.json().get("seatingPlan").get("seatCount").asInt()).isEqualTo(3 + 4 + 8);
    }

    @Test
    void refusesPlansThatBreakTheRules() {
        var as = api.as(organizer.token());
        var tooBig = fixtures.venue(organizer, 100, plan(section("A", 1, 20, 30, List.of())));
        var malformed = fixtures.venue(organizer, 1000, plan(section("A", 5, 1, 0, List.of(40)),
                section("a", "A", "3", 10, List.of())));
        var venue = fixtures.venue(organizer, 100, plan(section("A", 1, 1, 2, List.of()), section("B", 1, 2, 2, List.of())));
        var id = venue.get("id");
        var a = named(venue.json(), "A");
        var duplicate = as.patch("/api/v1/venues/" + id + "/sections/" + named(venue.json(), "B").get("id").asString(),
                Map.of("name", "a"));
        var lastRow = as.delete("/api/v1/venues/" + id + "/rows/" + a.get("rows").get(0).get("id").asString());
        var unknownRow = as.delete("/api/v1/venues/" + id + "/rows/" + java.util.UUID.randomUUID());

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.code()).isEqualTo("catalog.invalid_seating_plan");
        assertThat(malformed.code()).isEqualTo("catalog.invalid_seating_plan");
        assertThat(fields(malformed)).contains("sections[0].rows", "sections[0].seatsPerRow", "sections[1].name",
                "sections[1].rows");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("catalog.name_taken");
        assertThat(lastRow.status()).isEqualTo(400);
        assertThat(lastRow.code()).isEqualTo("catalog.invalid_seating_plan");
        assertThat(unknownRow.code()).isEqualTo("catalog.row_not_found");
        assertThat(as.get("/api/v1/venues/" + id).json().get("seatingPlan").get("seatCount").asInt()).isEqualTo(6);
    }

    @Test
    void validatesVenueDetails() {
        var invalid = api.as(organizer.token()).post("/api/v1/venues", body("organizationId", organizer.organizationId(),
                "name", "", "address", "Somewhere", "timezone", "Mars/Olympus", "capacity", 0));
        var offset = api.as(organizer.token()).post("/api/v1/venues", body("organizationId", organizer.organizationId(),
                "name", "Hall", "address", "Somewhere", "timezone", "+02:00", "capacity", 10));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("catalog.invalid_venue");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "timezone", "capacity");
        assertThat(fields(offset)).containsExactly("timezone");
    }

    @Test
    void showsAndChangesVenuesOnlyForTheirOrganizationsOrganizers() {
        var venue = fixtures.venue(organizer, 100, null).get("id");
        var other = fixtures.organizer();
        var customer = fixtures.customer();
        var admin = users.signedIn(api, "admin", Role.ADMIN);

        assertThat(api.as(other.token()).get("/api/v1/venues/" + venue).code()).isEqualTo("catalog.venue_not_found");
        assertThat(api.as(other.token()).patch("/api/v1/venues/" + venue, Map.of("name", "Mine")).status())
                .isEqualTo(404);
        assertThat(api.as(customer).get("/api/v1/venues/" + venue).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/venues/" + venue).status()).isEqualTo(401);
        assertThat(api.as(other.token()).post("/api/v1/venues", body("organizationId", organizer.organizationId(),
                "name", "Hall", "address", "Somewhere", "timezone", "UTC", "capacity", 10)).code())
                .isEqualTo("catalog.not_your_organization");
        assertThat(api.as(admin).get("/api/v1/venues/" + venue).status()).isEqualTo(200);
        assertThat(api.as(organizer.token()).get("/api/v1/venues").text()).contains(venue);
        assertThat(api.as(other.token()).get("/api/v1/venues").text()).doesNotContain(venue);
        assertThat(api.as(admin).get("/api/v1/venues?organizationId=" + organizer.organizationId()).text())
                .contains(venue);
    }

    @Test
    void keepsTheTimeZoneAndTheVenueItselfWhileEventsUseIt() {
        var venue = fixtures.venue(organizer, 100, null).get("id");
        var as = api.as(organizer.token());
        assertThat(as.patch("/api/v1/venues/" + venue, Map.of("timezone", "Europe/Lisbon")).status()).isEqualTo(200);
        fixtures.createEvent(organizer, CatalogFixtures.event(organizer, "At the hall", "location", null,
                "timezone", null, "venueId", venue));

        var moved = as.patch("/api/v1/venues/" + venue, Map.of("timezone", "Europe/Berlin"));
        var renamed = as.patch("/api/v1/venues/" + venue, Map.of("name", "The Renamed Hall", "capacity", 200));
        var deleted = as.delete("/api/v1/venues/" + venue);

        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("catalog.venue_in_use");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("capacity").asInt()).isEqualTo(200);
        assertThat(deleted.code()).isEqualTo("catalog.venue_in_use");
        var unused = fixtures.venue(organizer, 100, null).get("id");
        assertThat(as.delete("/api/v1/venues/" + unused).status()).isEqualTo(204);
        assertThat(as.get("/api/v1/venues/" + unused).status()).isEqualTo(404);
    }

    private static JsonNode named(JsonNode venue, String name) {
        return venue.get("seatingPlan").get("sections").valueStream()
                .filter(s -> s.get("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
