package io.usher.catalog;

import static io.usher.catalog.CatalogFixtures.event;
import static io.usher.catalog.CatalogFixtures.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/**
 * The storefront's event list: anonymous, published and postponed events only, filtered, searched, sorted and
 * paged. Tests share one database, so each narrows the list with a word only its own events carry.
 */
class EventBrowsingIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    CatalogFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    String word;

    @BeforeEach
    void organizer() {
        fixtures = new CatalogFixtures(api, users);
        organizer = fixtures.organizer();
        word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").replace('e', 'x') + "zq";
    }

    @Test
    void listsOnlyPublishedAndPostponedEventsToAnyone() {
        var published = fixtures.published(organizer, event(organizer, "Published " + word), 10, 100).eventId();
        var postponed = fixtures.published(organizer, event(organizer, "Postponed " + word), 10, 100).eventId();
        api.as(organizer.token()).post("/api/v1/events/" + postponed + "/postpone",
                java.util.Map.of("startsAt", "2031-06-01T20:00", "endsAt", "2031-06-01T22:00"));
        var cancelled = fixtures.published(organizer, event(organizer, "Cancelled " + word), 10, 100).eventId();
        api.as(organizer.token()).post("/api/v1/events/" + cancelled + "/cancel", java.util.Map.of());
        fixtures.createEvent(organizer, event(organizer, "Draft " + word));

        var list = api.get("/api/v1/events?q=" + word);

        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(published, postponed);
        assertThat(list.json().get("total").asLong()).isEqualTo(2);
        var first = list.json().get("items").get(0);
        assertThat(first.get("lowestPrice").get("priceMinor").asLong()).isEqualTo(100);
        assertThat(first.get("lowestPrice").get("currency").asString()).isEqualTo("EUR");
        assertThat(first.get("startsAt").asString()).isEqualTo("2031-05-01T20:00:00");
        assertThat(first.get("startsAtUtc").asString()).isEqualTo("2031-05-01T18:00:00Z");
    }

    @Test
    void searchesTitlesPlacesAndDescriptionsInFullText() {
        var byTitle = publish("Violin concertos " + word, "description", "An evening of strings.");
        var byDescription = publish("Night " + word, "description", "The orchestra plays a violin concerto.");
        var byPlace = publish("Evening " + word, "location", "Elbphilharmonie, Hamburg");
        publish("Drums " + word, "description", "Percussion only.");

        assertThat(ids(api.get("/api/v1/events?q=" + word + "%20violins"))).containsExactlyInAnyOrder(byTitle,
                byDescription);
        assertThat(ids(api.get("/api/v1/events?q=" + word + "%20elbphilharmonie"))).containsExactly(byPlace);
        assertThat(ids(api.get("/api/v1/events?q=" + word + "%20-violin"))).doesNotContain(byTitle, byDescription)
                .contains(byPlace);
        assertThat(ids(api.get("/api/v1/events?q=%22" + word + "%22%20violin%20or%20drums"))).hasSize(3);
    }

    @Test
    void searchesTheVenueOfAnEventAndFollowsItsRenaming() {
        var venue = fixtures.venue(organizer, 100, null).get("id");
        var at = publish("At the venue " + word, "location", null, "timezone", null, "venueId", venue);

        api.as(organizer.token()).patch("/api/v1/venues/" + venue, java.util.Map.of("name", "Kampnagel"));

        assertThat(ids(api.get("/api/v1/events?q=" + word + "%20kampnagel"))).containsExactly(at);
    }

    @Test
    void filtersByStartInstantsOrLocalDatesAndCategory() {
        var may = publish("May " + word, "category", "THEATER", "startsAt", "2031-05-01T20:00",
                "endsAt", "2031-05-01T23:00");
        var lateMay = publish("Late May " + word, "category", "SPORTS", "timezone", "Pacific/Auckland",
                "startsAt", "2031-05-31T22:00", "endsAt", "2031-05-31T23:30");
        var june = publish("June " + word, "category", "THEATER", "startsAt", "2031-06-15T20:00",
                "endsAt", "2031-06-15T23:00");

        assertThat(ids(browse("from=2031-05-01T18:00:00Z&to=2031-05-31T23:59:59Z"))).containsExactly(may, lateMay);
        assertThat(ids(browse("from=2031-05-01T18:00:01Z"))).containsExactly(lateMay, june);
        assertThat(ids(browse("from=2031-05-31&to=2031-05-31"))).as("local dates: 31 May in Auckland")
                .containsExactly(lateMay);
        assertThat(ids(browse("to=2031-05-30"))).containsExactly(may);
        assertThat(ids(browse("category=theater"))).containsExactly(may, june);
        assertThat(ids(browse("category=THEATER&from=2031-06-01"))).containsExactly(june);
    }

    @Test
    void sortsByStartLowestPriceOrTitle() {
        var cheapLate = publish("Alpha " + word, "startsAt", "2031-08-01T20:00", "endsAt", "2031-08-01T22:00");
        var dearEarly = publish("Charlie " + word, "startsAt", "2031-06-01T20:00", "endsAt", "2031-06-01T22:00");
        var middle = publish("bravo " + word, "startsAt", "2031-07-01T20:00", "endsAt", "2031-07-01T22:00");
        setPrice(cheapLate, 500);
        setPrice(dearEarly, 9000);
        setPrice(middle, 2500);

        assertThat(ids(browse(""))).containsExactly(dearEarly, middle, cheapLate);
        assertThat(ids(browse("sort=start"))).containsExactly(dearEarly, middle, cheapLate);
        assertThat(ids(browse("sort=price"))).containsExactly(cheapLate, middle, dearEarly);
        assertThat(ids(browse("sort=title"))).containsExactly(cheapLate, middle, dearEarly);
    }

    @Test
    void pagesWithATotalAndRefusesPagesOverAHundred() {
        var events = List.of(publish("One " + word, "startsAt", "2031-05-01T10:00", "endsAt", "2031-05-01T11:00"),
                publish("Two " + word, "startsAt", "2031-05-02T10:00", "endsAt", "2031-05-02T11:00"),
                publish("Three " + word, "startsAt", "2031-05-03T10:00", "endsAt", "2031-05-03T11:00"));

        var first = browse("size=2");
        var second = browse("size=2&page=1");
        var tooBig = browse("size=101");
        var malformed = api.get("/api/v1/events?from=yesterday&to=2031-13-01&sort=popularity&category=circus&page=-1");

        assertThat(ids(first)).containsExactly(events.get(0), events.get(1));
        assertThat(first.json().get("total").asLong()).isEqualTo(3);
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        assertThat(ids(second)).containsExactly(events.get(2));
        assertThat(second.json().get("page").asInt()).isEqualTo(1);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.code()).isEqualTo("catalog.invalid_query");
        assertThat(fields(tooBig)).containsExactly("size");
        assertThat(browse("size=100").status()).isEqualTo(200);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactlyInAnyOrder("from", "to", "sort", "category", "page");
    }

    @Test
    void leavesOutSoldOutEventsWhenAskedForAvailableOnes() {
        var small = fixtures.published(organizer, event(organizer, "Tiny room " + word), 2, 100);
        var large = fixtures.published(organizer, event(organizer, "Big room " + word), 100, 100);
        assertThat(ids(browse("availableOnly=true"))).containsExactlyInAnyOrder(small.eventId(), large.eventId());

        var soldOut = fixtures.hold(fixtures.customer(), small.eventId(), small.ticketTypeId(), 2);
        assertThat(soldOut.status()).as(soldOut.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(ids(browse("availableOnly=true"))).containsExactly(large.eventId()));
        assertThat(ids(browse("availableOnly=false"))).containsExactlyInAnyOrder(small.eventId(), large.eventId());
    }

    @Test
    void leavesOutEventsThatHaveEndedUnlessAskedFrom() {
        var now = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        var ended = publish("Yesterday " + word, "timezone", "UTC", "startsAt", now.minusDays(1).toString(),
                "endsAt", now.minusDays(1).plusHours(2).toString());
        var upcoming = publish("Tomorrow " + word, "timezone", "UTC", "startsAt", now.plusDays(1).toString(),
                "endsAt", now.plusDays(1).plusHours(2).toString());

        assertThat(ids(browse(""))).containsExactly(upcoming);
        assertThat(ids(browse("from=" + now.minusDays(2).toLocalDate()))).containsExactly(ended, upcoming);
    }

    private String publish(String title, Object... changes) {
        var body = event(organizer, title, changes);
        return fixtures.published(organizer, body, 10, 1000).eventId();
    }

    private void setPrice(String event, long priceMinor) {
        var type = api.get("/api/v1/events/" + event + "/ticket-types").json().get(0).get("id").asString();
        var changed = api.as(organizer.token()).put("/api/v1/events/" + event + "/ticket-types/" + type,
                CatalogFixtures.body("name", "General admission", "priceMinor", priceMinor, "currency", "EUR",
                        "capacity", 10));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private Api.Response browse(String query) {
        return api.get("/api/v1/events?q=" + word + (query.isEmpty() ? "" : "&" + query));
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
