package io.usher.catalog;

import static io.usher.catalog.CatalogFixtures.body;
import static io.usher.catalog.CatalogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Who sees and who changes an event: drafts for their organizers only; changes for them and administrators. */
class EventAccessIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    CatalogFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    CatalogFixtures.Organizer otherOrganizer;

    @BeforeEach
    void organizers() {
        fixtures = new CatalogFixtures(api, users);
        organizer = fixtures.organizer();
        otherOrganizer = fixtures.organizer();
    }

    @Test
    void hidesDraftsFromAnonymousCallersCustomersAndOtherOrganizations() {
        var draft = fixtures.createEvent(organizer, event(organizer, "Secret draft"));
        var other = api.as(otherOrganizer.token());

        assertThat(api.get("/api/v1/events/" + draft).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + draft).code()).isEqualTo("catalog.event_not_found");
        assertThat(api.get("/api/v1/events/" + draft + "/ticket-types").status()).isEqualTo(404);
        assertThat(api.as(fixtures.customer()).get("/api/v1/events/" + draft).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/events/" + draft).status()).isEqualTo(404);
        assertThat(other.patch("/api/v1/events/" + draft, Map.of("title", "Taken over")).code())
                .isEqualTo("catalog.event_not_found");
        assertThat(other.post("/api/v1/events/" + draft + "/publish", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/events/" + draft + "/ticket-types", body("name", "Mine", "priceMinor", 1,
                "currency", "EUR", "capacity", 1)).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/organizer/events").text()).doesNotContain(draft);
        assertThat(api.as(organizer.token()).get("/api/v1/events/" + draft).status()).isEqualTo(200);
        assertThat(api.as(organizer.token()).get("/api/v1/organizer/events").text()).contains(draft);
    }

    @Test
    void showsPublishedEventsToEveryoneButLetsOnlyTheirOrganizersChangeThem() {
        var sale = fixtures.published(organizer, event(organizer, "Open house"), 10, 500);
        var other = api.as(otherOrganizer.token());

        assertThat(api.get("/api/v1/events/" + sale.eventId()).status()).isEqualTo(200);
        assertThat(other.get("/api/v1/events/" + sale.eventId()).status()).isEqualTo(200);
        var changes = List.of(
                other.patch("/api/v1/events/" + sale.eventId(), Map.of("title", "Hijacked")),
                other.post("/api/v1/events/" + sale.eventId() + "/cancel", Map.of()),
                other.post("/api/v1/events/" + sale.eventId() + "/ticket-types", body("name", "Extra",
                        "priceMinor", 1, "currency", "EUR", "capacity", 1)),
                other.delete("/api/v1/events/" + sale.eventId() + "/ticket-types/" + sale.ticketTypeId()));
        assertThat(changes).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("catalog.not_your_event");
        });
        assertThat(api.get("/api/v1/events/" + sale.eventId()).json().get("title").asString()).isEqualTo("Open house");
    }

    @Test
    void refusesCustomersAndOrganizersOfOtherOrganizationsAndAnonymousCallers() {
        var customer = fixtures.customer();

        var byCustomer = api.as(customer).post("/api/v1/events", event(organizer, "Not allowed"));
        var byOutsider = api.as(otherOrganizer.token()).post("/api/v1/events", event(organizer, "Not allowed"));
        var byAnonymous = api.post("/api/v1/events", event(organizer, "Not allowed"));

        assertThat(byCustomer.status()).isEqualTo(403);
        assertThat(byCustomer.code()).isEqualTo("identity.forbidden");
        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byOutsider.code()).isEqualTo("catalog.not_your_organization");
        assertThat(byAnonymous.status()).isEqualTo(401);
    }

    @Test
    void letsAMemberOrganizerOfTheOrganizationWorkOnItsEvents() {
        var colleagueEmail = users.create("colleague", Role.ORGANIZER);
        api.as(organizer.token()).post("/api/v1/organizations/" + organizer.organizationId() + "/members",
                Map.of("email", colleagueEmail));
        var colleague = io.usher.support.Accounts.login(api, colleagueEmail, io.usher.support.Accounts.PASSWORD)
                .get("accessToken");
        var doorEmail = users.create("door", Role.DOOR_STAFF);
        api.as(organizer.token()).post("/api/v1/organizations/" + organizer.organizationId() + "/members",
                Map.of("email", doorEmail));
        var door = io.usher.support.Accounts.login(api, doorEmail, io.usher.support.Accounts.PASSWORD)
                .get("accessToken");
        var draft = fixtures.createEvent(organizer, event(organizer, "Team work"));

        assertThat(api.as(colleague).patch("/api/v1/events/" + draft, Map.of("title", "Team effort")).status())
                .isEqualTo(200);
        assertThat(api.as(door).get("/api/v1/events/" + draft).status())
                .as("members without the ORGANIZER role do not see drafts").isEqualTo(404);
    }

    @Test
    void letsAnAdministratorActForAnyOrganization() {
        var admin = users.signedIn(api, "admin", Role.ADMIN);
        var as = api.as(admin);

        var created = as.post("/api/v1/events", event(organizer, "Admin made"));
        var id = created.get("id");
        var type = as.post("/api/v1/events/" + id + "/ticket-types", body("name", "Entry", "priceMinor", 100,
                "currency", "EUR", "capacity", 5));
        var published = as.post("/api/v1/events/" + id + "/publish", Map.of());
        var unknownOrganization = as.post("/api/v1/events", body("organizationId", java.util.UUID.randomUUID(),
                "title", "Nowhere", "category", "OTHER", "location", "x", "timezone", "UTC",
                "startsAt", "2031-01-01T10:00", "endsAt", "2031-01-01T11:00"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(type.status()).isEqualTo(201);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(as.get("/api/v1/organizer/events?organizationId=" + organizer.organizationId()).text()).contains(id);
        assertThat(unknownOrganization.code()).isEqualTo("catalog.not_your_organization");
    }

    @Test
    void documentsCatalogEndpointsWithTheirErrorsAndPublicReads() {
        var paths = api.get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/events", "/api/v1/events/{id}",
                "/api/v1/events/{id}/publish", "/api/v1/events/{eventId}/ticket-types", "/api/v1/venues",
                "/api/v1/venues/{id}/seating-plan", "/api/v1/organizer/events");
        var publish = paths.get("/api/v1/events/{id}/publish").get("post").get("responses");
        assertThat(publish.get("409").get("description").asString()).contains("catalog.illegal_transition",
                "catalog.no_ticket_types");
        assertThat(paths.get("/api/v1/events").get("get").get("security").size()).as("public").isZero();
    }
}
