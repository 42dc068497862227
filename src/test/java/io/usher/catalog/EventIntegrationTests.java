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

import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Creating and changing events: every rule an organizer's input must meet, and what the API shows back. */
class EventIntegrationTests extends IntegrationTest {

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
    void createsADraftWithLocalTimesInItsTimeZoneAndTheirInstants() {
        var created = api.as(organizer.token()).post("/api/v1/events", event(organizer, "  Jazz by the river  ",
                "timezone", "America/New_York", "startsAt", "2031-07-04T19:30", "endsAt", "2031-07-04T22:00",
                "imageUrl", "https://images.example.test/jazz.jpg"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var event = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/events/" + event.get("id").asString());
        assertThat(event.get("title").asString()).isEqualTo("Jazz by the river");
        assertThat(event.get("status").asString()).isEqualTo("DRAFT");
        assertThat(event.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(event.get("startsAt").asString()).isEqualTo("2031-07-04T19:30:00");
        assertThat(event.get("startsAtUtc").asString()).isEqualTo("2031-07-04T23:30:00Z");
        assertThat(event.get("endsAtUtc").asString()).isEqualTo("2031-07-05T02:00:00Z");
        assertThat(event.get("location").asString()).isEqualTo("Harbour Hall, Hamburg");
        assertThat(event.get("holdDurationMinutes").asInt()).isEqualTo(15);
        assertThat(event.get("maxTicketsPerBuyer").asInt()).isEqualTo(10);
        assertThat(event.get("imageUrl").asString()).isEqualTo("https://images.example.test/jazz.jpg");
        assertThat(event.get("ticketTypes").size()).isZero();
    }

    @Test
    void takesTheTimeZoneOfTheVenue() {
        var venue = fixtures.venue(organizer, 100, null);
        var venueId = venue.get("id");

        var created = api.as(organizer.token()).post("/api/v1/events", event(organizer, "At the venue",
                "location", null, "timezone", null, "venueId", venueId, "startsAt", "2031-01-10T20:00",
                "endsAt", "2031-01-10T22:00"));
        var conflicting = api.as(organizer.token()).post("/api/v1/events", event(organizer, "At the venue",
                "location", null, "timezone", "Asia/Tokyo", "venueId", venueId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(created.json().get("startsAtUtc").asString()).isEqualTo("2031-01-10T19:00:00Z");
        assertThat(created.json().get("venue").get("id").asString()).isEqualTo(venueId);
        assertThat(created.json().get("venue").get("name").asString()).isEqualTo(venue.get("name"));
        assertThat(created.json().has("location")).isFalse();
        assertThat(conflicting.code()).isEqualTo("catalog.invalid_event");
        assertThat(fields(conflicting)).containsExactly("timezone");
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        var invalid = api.as(organizer.token()).post("/api/v1/events", body("organizationId",
                organizer.organizationId(), "title", "ab", "description", "x".repeat(10_001), "category", "CONCERT",
                "location", "Somewhere", "timezone", "Europe/Atlantis", "startsAt", "2031-05-01T20:00",
                "endsAt", "2031-05-01T20:00", "imageUrl", "http://images.example.test/a.jpg",
                "holdDurationMinutes", 121, "maxTicketsPerBuyer", 21));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("catalog.invalid_event");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("title", "description", "timezone", "imageUrl",
                "holdDurationMinutes", "maxTicketsPerBuyer", "endsAt");
    }

    @Test
    void checksTitleLengthScheduleImageAndWhere() {
        var titleTooLong = create(event(organizer, "t".repeat(201)));
        var titleLongest = create(event(organizer, "t".repeat(200)));
        var endsBeforeStart = create(event(organizer, "Backwards", "endsAt", "2031-05-01T19:00"));
        var skippedByDst = create(event(organizer, "Lost hour", "startsAt", "2031-03-30T02:30"));
        var javascriptImage = create(event(organizer, "Image", "imageUrl", "javascript:alert(1)"));
        var both = create(event(organizer, "Both", "venueId", java.util.UUID.randomUUID().toString()));
        var neither = create(event(organizer, "Neither", "location", null));
        var noZone = create(event(organizer, "No zone", "timezone", null));
        var otherVenue = create(event(organizer, "Borrowed", "location", null, "timezone", null,
                "venueId", fixtures.venue(fixtures.organizer(), 100, null).get("id")));
        var unknownCategory = create(event(organizer, "Odd", "category", "CIRCUS"));
        var unknownField = create(event(organizer, "Odd", "colour", "red"));

        assertThat(titleTooLong.code()).isEqualTo("catalog.invalid_event");
        assertThat(fields(titleTooLong)).containsExactly("title");
        assertThat(titleLongest.status()).isEqualTo(201);
        assertThat(fields(endsBeforeStart)).containsExactly("endsAt");
        assertThat(fields(skippedByDst)).containsExactly("startsAt");
        assertThat(skippedByDst.text()).contains("daylight saving");
        assertThat(fields(javascriptImage)).containsExactly("imageUrl");
        assertThat(fields(both)).containsOnly("venueId");
        assertThat(fields(neither)).containsExactly("location");
        assertThat(fields(noZone)).containsExactly("timezone");
        assertThat(fields(otherVenue)).containsExactly("venueId");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("request.malformed");
    }

    @Test
    void rendersMarkdownToSanitizedHtml() {
        var markdown = """
                # Line-up

                **Bold** and _soft_, a [link](https://example.test) and a [trap](javascript:alert(1)).

                <script>alert('x')</script>
                <img src="https://example.test/a.png" onerror="alert(2)">
                <p style="color:red" onclick="steal()">styled</p>
                """;

        var created = api.as(organizer.token()).post("/api/v1/events", event(organizer, "Markdown",
                "description", markdown));

        var html = created.json().get("descriptionHtml").asString();
        assertThat(created.json().get("description").asString()).isEqualTo(markdown.strip());
        assertThat(html).contains("<h1>Line-up</h1>", "<strong>Bold</strong>", "<em>soft</em>",
                "href=\"https://example.test\"", "styled");
        assertThat(html).doesNotContain("<script", "alert", "javascript:", "onerror", "onclick", "style=");
    }

    @Test
    void replacesAndPatchesADraft() {
        var id = fixtures.createEvent(organizer, event(organizer, "First title", "imageUrl",
                "https://images.example.test/a.jpg"));
        var as = api.as(organizer.token());

        var patched = as.patch("/api/v1/events/" + id, body("title", "Second title", "imageUrl", null,
                "maxTicketsPerBuyer", 4));
        var invalidPatch = as.patch("/api/v1/events/" + id, body("endsAt", "2031-05-01T10:00"));
        var unknownInPatch = as.patch("/api/v1/events/" + id, body("colour", "red"));
        var replaced = as.put("/api/v1/events/" + id, body("title", "Third title", "category", "THEATER",
                "location", "Old Theatre", "timezone", "Europe/London", "startsAt", "2031-06-01T19:00",
                "endsAt", "2031-06-01T21:30"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("title").asString()).isEqualTo("Second title");
        assertThat(patched.json().has("imageUrl")).isFalse();
        assertThat(patched.json().get("maxTicketsPerBuyer").asInt()).isEqualTo(4);
        assertThat(patched.json().get("description").asString()).isEqualTo("A night out.");
        assertThat(invalidPatch.code()).isEqualTo("catalog.invalid_event");
        assertThat(unknownInPatch.code()).isEqualTo("catalog.invalid_event");
        assertThat(fields(unknownInPatch)).containsExactly("colour");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("title").asString()).isEqualTo("Third title");
        assertThat(replaced.json().get("description").asString()).isEmpty();
        assertThat(replaced.json().get("startsAtUtc").asString()).isEqualTo("2031-06-01T18:00:00Z");
        assertThat(replaced.json().get("maxTicketsPerBuyer").asInt()).isEqualTo(10);
        assertThat(as.get("/api/v1/events/" + id).json().get("title").asString()).isEqualTo("Third title");
    }

    @Test
    void keepsAPublishedEventsScheduleForPostponing() {
        var sale = fixtures.published(organizer, event(organizer, "Fixed date"), 10, 1000);
        var as = api.as(organizer.token());

        var moved = as.patch("/api/v1/events/" + sale.eventId(), body("startsAt", "2031-05-02T20:00",
                "endsAt", "2031-05-02T23:00"));
        var retitled = as.patch("/api/v1/events/" + sale.eventId(), body("title", "Fixed date, new title",
                "holdDurationMinutes", 30));

        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("catalog.schedule_locked");
        assertThat(retitled.status()).isEqualTo(200);
        assertThat(retitled.json().get("holdDurationMinutes").asInt()).isEqualTo(30);
    }

    @Test
    void deletesOnlyDrafts() {
        var draft = fixtures.createEvent(organizer, event(organizer, "Draft to delete"));
        fixtures.generalAdmission(organizer, draft, "Entry", 10, 500, "EUR");
        var sale = fixtures.published(organizer, event(organizer, "Published stays"), 10, 1000);
        var as = api.as(organizer.token());

        assertThat(as.delete("/api/v1/events/" + draft).status()).isEqualTo(204);
        assertThat(as.get("/api/v1/events/" + draft).status()).isEqualTo(404);
        assertThat(as.delete("/api/v1/events/" + sale.eventId()).code()).isEqualTo("catalog.not_a_draft");
    }

    @Test
    void seatedEventsShowTheirSeatMap() {
        var venue = fixtures.venue(organizer, 100, plan(section("A", 1, 2, 3, List.of(1)),
                section("B", 1, 1, 2, List.of())));
        var sectionA = venue.json().get("seatingPlan").get("sections").get(0).get("id").asString();
        var id = fixtures.createEvent(organizer, event(organizer, "Seated", "location", null, "timezone", null,
                "venueId", venue.get("id")));
        var type = api.as(organizer.token()).post("/api/v1/events/" + id + "/ticket-types", body("name", "Stalls",
                "priceMinor", 2500, "currency", "EUR", "sectionIds", List.of(sectionA))).get("id");
        fixtures.publish(organizer, id);

        var event = api.get("/api/v1/events/" + id).json();

        var sections = event.get("seatingPlan").get("sections");
        assertThat(sections.size()).isEqualTo(2);
        assertThat(sections.get(0).get("ticketTypeId").asString()).isEqualTo(type);
        assertThat(sections.get(1).has("ticketTypeId")).isFalse();
        var seat = sections.get(0).get("rows").get(0).get("seats").get(0);
        assertThat(seat.get("accessible").asBoolean()).isTrue();
        var availability = api.get("/api/v1/events/" + id + "/availability").json();
        var sold = availability.get("ticketTypes").get(0).get("seats").valueStream()
                .map(s -> s.get("id").asString()).toList();
        assertThat(sold).hasSize(6).contains(seat.get("id").asString());
        var venueSeat = venue.json().get("seatingPlan").get("sections").get(0).get("rows").get(0).get("seats").get(0)
                .get("id").asString();
        assertThat(seat.get("id").asString()).as("events sell the venue's own seat ids").isEqualTo(venueSeat);
        var held = fixtures.holdSeats(fixtures.customer(), id, List.of(seat.get("id").asString()));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().get("seats").get(0).get("section").asString()).isEqualTo("A");
    }

    private io.usher.support.Api.Response create(Map<String, Object> event) {
        return api.as(organizer.token()).post("/api/v1/events", event);
    }
}
