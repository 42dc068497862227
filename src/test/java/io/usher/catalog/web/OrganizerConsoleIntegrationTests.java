package io.usher.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** The organizer console's forms over HTTP: seating plans, ticket types and an event's life, with their errors. */
class OrganizerConsoleIntegrationTests extends IntegrationTest {

    private static final Pattern VENUE = Pattern.compile("/organizer/venues/([0-9a-f-]{36})\\?notice=venue-created$");
    private static final Pattern EVENT = Pattern.compile("/organizer/events/([0-9a-f-]{36})\\?notice=event-created$");
    private static final Pattern SECTION = Pattern.compile(
            "/organizer/venues/[0-9a-f-]{36}/sections/([0-9a-f-]{36})/rename\"");

    @Autowired
    Users users;

    CatalogFixtures.Organizer organizer;
    PageClient client;

    @BeforeEach
    void signIn() {
        organizer = new CatalogFixtures(api, users).organizer();
        client = new PageClient("http://localhost:" + port);
        client.get("/login");
        assertThat(client.post("/login", Map.of("email", organizer.email(), "password", Accounts.PASSWORD)).status())
                .isEqualTo(302);
    }

    @Test
    void createsAVenueFromTheCompactPlanAndEditsItsSections() {
        assertThat(client.get("/organizer").location()).endsWith("/organizer/events");
        client.get("/organizer/venues/new");
        var invalid = client.post("/organizer/venues", form("organizationId", organizer.organizationId(),
                "name", "Dock 7", "address", "Kai 7", "timezone", "Europe/Berlin", "capacity", "100",
                "sections[0].name", "", "sections[0].rowsFrom", "", "sections[0].rowsTo", "",
                "sections[0].seatsPerRow", "", "sections[0].accessibleSeats", "",
                "sections[1].name", "Floor", "sections[1].rowsFrom", "1", "sections[1].rowsTo", "Z",
                "sections[1].seatsPerRow", "10", "sections[1].accessibleSeats", "1, 2"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"section-1-rowsFrom-error\"")
                .contains("From and to must both be numbers or both single letters.")
                .contains("value=\"Floor\"");

        var created = client.post("/organizer/venues", form("organizationId", organizer.organizationId(),
                "name", "Dock 7", "address", "Kai 7", "timezone", "Europe/Berlin", "capacity", "100",
                "sections[0].name", "Floor", "sections[0].rowsFrom", "A", "sections[0].rowsTo", "C",
                "sections[0].seatsPerRow", "10", "sections[0].accessibleSeats", "1, 2"));
        assertThat(created.status()).isEqualTo(302);
        var matcher = VENUE.matcher(created.location());
        assertThat(matcher.find()).as(created.location()).isTrue();
        var venue = "/organizer/venues/" + matcher.group(1);

        var page = client.get(venue);
        assertThat(page.body()).contains("30 seats in 1 section.").contains("aria-label=\"Seat map: 1 section, 30 seats.\"");
        var taken = client.post(venue + "/sections", form("name", "floor", "rowsFrom", "1", "rowsTo", "2",
                "seatsPerRow", "5", "accessibleSeats", ""));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("id=\"name-error\"").contains("already has a section named");
        var tooBig = client.post(venue + "/sections", form("name", "Balcony", "rowsFrom", "1", "rowsTo", "20",
                "seatsPerRow", "10", "accessibleSeats", ""));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("more than the venue&#39;s capacity of 100");
        assertThat(client.post(venue + "/sections", form("name", "Balcony", "rowsFrom", "1", "rowsTo", "2",
                "seatsPerRow", "5", "accessibleSeats", "")).location()).endsWith("?notice=section-added");

        var sections = SECTION.matcher(client.get(venue).body()).results().map(r -> r.group(1)).toList();
        assertThat(sections).hasSize(2);
        var blank = client.post(venue + "/sections/" + sections.get(1) + "/rename", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"rename-" + sections.get(1) + "-error\"");
        assertThat(client.post(venue + "/sections/" + sections.get(1) + "/rename", Map.of("name", "Gallery"))
                .location()).endsWith("?notice=section-renamed");
        assertThat(client.post(venue + "/sections/" + sections.get(1) + "/remove", Map.of()).location())
                .endsWith("?notice=section-removed");
        assertThat(client.get(venue).body()).contains("30 seats in 1 section.").doesNotContain("Gallery");
    }

    @Test
    void runsAnEventFromDraftThroughTicketTypesToPostponedAndCancelled() {
        var venue = new CatalogFixtures(api, users).venue(organizer, 100,
                CatalogFixtures.plan(CatalogFixtures.section("A", 1, 2, 5, List.of())));
        var section = venue.json().get("seatingPlan").get("sections").get(0).get("id").asString();
        client.get("/organizer/events/new");
        var created = client.post("/organizer/events", form("organizationId", organizer.organizationId(),
                "title", "Quay Sessions", "description", "Music by the **water**.", "category", "CONCERT",
                "where", "venue", "venueId", venue.get("id"), "startsAt", "2031-07-01T19:30",
                "endsAt", "2031-07-01T22:00", "imageUrl", "", "holdDurationMinutes", "10", "maxTicketsPerBuyer", "6"));
        var matcher = EVENT.matcher(created.location());
        assertThat(matcher.find()).as(created.toString()).isTrue();
        var event = "/organizer/events/" + matcher.group(1);

        var seated = client.postForm(event + "/ticket-types", List.of(Map.entry("name", "Seat"),
                Map.entry("price", "22.5"), Map.entry("currency", "EUR"), Map.entry("kind", "seated"),
                Map.entry("sections", section), Map.entry("saleStarts", ""), Map.entry("saleEnds", ""),
                Map.entry("minPerOrder", "1"), Map.entry("maxPerOrder", "4")));
        assertThat(seated.location()).endsWith("?notice=ticket-type-added");
        var otherCurrency = client.post(event + "/ticket-types", form("name", "Standing", "price", "10",
                "currency", "USD", "kind", "general", "capacity", "40", "saleStarts", "", "saleEnds", "",
                "minPerOrder", "1", "maxPerOrder", "4"));
        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(otherCurrency.body()).contains("id=\"currency-error\"").contains("An event sells in one currency");
        var badWindow = client.post(event + "/ticket-types", form("name", "Standing", "price", "10.999",
                "currency", "EUR", "kind", "general", "capacity", "40", "saleStarts", "2031-06-01T10:00",
                "saleEnds", "2031-05-01T10:00", "minPerOrder", "1", "maxPerOrder", "4"));
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.body()).contains("id=\"price-error\"").contains("Enter at most 2 decimals.");
        var standing = client.post(event + "/ticket-types", form("name", "Standing", "price", "10", "currency", "EUR",
                "kind", "general", "capacity", "40", "saleStarts", "2031-06-01T10:00", "saleEnds", "2031-05-01T10:00",
                "minPerOrder", "1", "maxPerOrder", "4"));
        assertThat(standing.status()).isEqualTo(400);
        assertThat(standing.body()).contains("id=\"saleEnds-error\"").contains("Must be after start of sales.");
        assertThat(client.post(event + "/ticket-types", form("name", "Standing", "price", "10", "currency", "EUR",
                "kind", "general", "capacity", "40", "saleStarts", "", "saleEnds", "", "minPerOrder", "1",
                "maxPerOrder", "4")).location()).endsWith("?notice=ticket-type-added");

        var page = client.get(event).body();
        assertThat(page).contains("€22.50").contains("Seated: section A").contains("General admission");
        var types = Pattern.compile(event + "/ticket-types/([0-9a-f-]{36})/edit").matcher(page).results()
                .map(r -> r.group(1)).toList();
        assertThat(types).hasSize(2);
        var standingType = event + "/ticket-types/" + types.get(1);
        assertThat(client.get(standingType + "/edit").body()).contains("value=\"Standing\"").contains("value=\"40\"");
        assertThat(client.post(standingType, form("name", "Standing room", "price", "12", "currency", "EUR",
                "kind", "general", "capacity", "60", "saleStarts", "", "saleEnds", "", "minPerOrder", "1",
                "maxPerOrder", "4")).location()).endsWith("?notice=ticket-type-saved");
        assertThat(client.post(standingType + "/delete", Map.of()).location()).endsWith("?notice=ticket-type-deleted");

        assertThat(client.post(event + "/publish", Map.of()).location()).endsWith("?notice=event-published");
        var edit = client.get(event + "/edit").body();
        assertThat(edit).contains("Once published, the venue stays").doesNotContain("name=\"startsAt\"");
        assertThat(client.post(event, form("organizationId", organizer.organizationId(), "title", "Quay Sessions Live",
                "description", "", "category", "FESTIVAL", "where", "venue", "imageUrl", "",
                "holdDurationMinutes", "10", "maxTicketsPerBuyer", "6")).location()).endsWith("?notice=event-saved");

        var past = client.post(event + "/postpone", Map.of("startsAt", "2001-01-01T10:00", "endsAt", "2001-01-01T12:00"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"startsAt-error\"").contains("Must be in the future.")
                .contains("<details class=\"confirm\" open");
        assertThat(client.post(event + "/postpone", Map.of("startsAt", "2031-08-01T19:30",
                "endsAt", "2031-08-01T22:00")).location()).endsWith("?notice=event-postponed");
        assertThat(client.get(event).body()).contains("Quay Sessions Live").contains("Postponed")
                .contains("Fri 1 Aug 2031, 19:30–22:00 CEST");
        assertThat(client.post(event + "/cancel", Map.of()).location()).endsWith("?notice=event-cancelled");
        assertThat(client.post(event + "/cancel", Map.of()).location()).endsWith("?error=catalog.illegal_transition");
        assertThat(client.get(event + "?error=catalog.illegal_transition").body()).contains("Cancelled")
                .contains("The event&#39;s status does not allow that any more.");
    }

    /** Form fields in pairs: name, value, name, value … */
    private static Map<String, String> form(String... pairs) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
