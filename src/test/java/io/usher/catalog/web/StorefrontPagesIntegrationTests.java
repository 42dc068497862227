package io.usher.catalog.web;

import static io.usher.catalog.CatalogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.common.EventId;
import io.usher.identity.Role;
import io.usher.inventory.Inventory;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/**
 * The storefront and organizer console over plain HTTP: who may see what, CSRF on the hold form, the hold form's
 * idempotency, refusals and form errors as pages with 4xx statuses.
 */
class StorefrontPagesIntegrationTests extends IntegrationTest {

    private static final Pattern HOLD_LOCATION = Pattern.compile("/holds/([0-9a-f-]{36})\\?notice=held$");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @Autowired
    Users users;

    @Autowired
    Inventory inventory;

    CatalogFixtures fixtures;
    CatalogFixtures.Organizer organizer;

    @BeforeEach
    void organizer() {
        fixtures = new CatalogFixtures(api, users);
        organizer = fixtures.organizer();
    }

    @Test
    void sendsAnonymousVisitorsOfTheConsoleToSignIn() {
        var events = pages().get("/organizer/events");
        var newVenue = pages().get("/organizer/venues/new");

        assertThat(events.status()).isEqualTo(302);
        assertThat(events.location()).endsWith("/login?next=%2Forganizer%2Fevents");
        assertThat(newVenue.location()).endsWith("/login?next=%2Forganizer%2Fvenues%2Fnew");
    }

    @Test
    void refusesTheConsoleToCustomers() {
        var customer = signedIn(users.create("shopper", Role.CUSTOMER));

        var events = customer.get("/organizer/events");
        var venues = customer.get("/organizer/venues");

        assertThat(events.status()).isEqualTo(403);
        assertThat(events.header("Content-Type")).startsWith("text/html");
        assertThat(events.body()).contains("You cannot do this");
        assertThat(venues.status()).isEqualTo(403);
        assertThat(customer.get("/events").body()).doesNotContain("href=\"/organizer/events\"");
    }

    @Test
    void hidesADraftFromOrganizersOfAnotherOrganization() {
        var draft = fixtures.createEvent(organizer, event(organizer, "Secret rehearsal"));
        var outsider = fixtures.organizer();
        var client = signedIn(outsider.email());
        client.get("/organizer/events");

        var page = client.get("/organizer/events/" + draft);
        var edit = client.get("/organizer/events/" + draft + "/edit");
        var live = client.get("/organizer/events/" + draft + "/live");
        var newType = client.get("/organizer/events/" + draft + "/ticket-types/new");
        var save = client.post("/organizer/events/" + draft, form("title", "Taken over", "category", "CONCERT",
                "where", "location", "location", "Elsewhere", "timezone", "UTC", "startsAt", "2031-05-01T20:00",
                "endsAt", "2031-05-01T22:00", "holdDurationMinutes", "15", "maxTicketsPerBuyer", "10"));
        var publish = client.post("/organizer/events/" + draft + "/publish", Map.of());
        var storefront = client.get("/events/" + draft);

        assertThat(List.of(page, edit, live, newType, save, publish, storefront))
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(404));
        assertThat(page.body()).contains("Page not found").doesNotContain("Secret rehearsal");
        assertThat(client.get("/organizer/events").body()).doesNotContain("Secret rehearsal");
        var own = signedIn(organizer.email());
        assertThat(own.get("/organizer/events/" + draft).body()).contains("Secret rehearsal").contains("Draft");
    }

    @Test
    void showsAHoldOnlyToItsBuyer() {
        var sale = fixtures.published(organizer, event(organizer, "Private hold"), 10, 1500);
        var buyer = Accounts.newSignedInCustomer(api).get("accessToken");
        var hold = fixtures.hold(buyer, sale.eventId(), sale.ticketTypeId(), 2).get("holdId");
        var other = signedIn(users.create("nosy", Role.CUSTOMER));
        other.get("/events/" + sale.eventId());

        var seen = other.get("/holds/" + hold);
        var released = other.post("/holds/" + hold + "/release", Map.of());
        var anonymous = pages().get("/holds/" + hold);

        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.body()).contains("Page not found").doesNotContain("Private hold");
        assertThat(released.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login?next=%2Fholds%2F" + hold);
        assertThat(api.as(buyer).get("/api/v1/holds/" + hold).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void requiresTheCsrfTokenOnTheHoldForm() {
        var sale = fixtures.published(organizer, event(organizer, "Forged form"), 10, 1500);
        var client = signedIn(users.create("victim", Role.CUSTOMER));
        var key = key(client.get("/events/" + sale.eventId()).body());

        var forged = client.postWithoutCsrf("/events/" + sale.eventId() + "/hold", Map.of("mode", "quantities",
                "idempotencyKey", key, "item", sale.ticketTypeId() + ":2"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("You cannot do this");
        assertThat(available(sale.eventId())).isEqualTo(10);
    }

    @Test
    void holdsOnceWhenTheSameFormIsSentTwice() {
        var sale = fixtures.published(organizer, event(organizer, "Double click"), 10, 1500);
        var client = signedIn(users.create("hasty", Role.CUSTOMER));
        var key = key(client.get("/events/" + sale.eventId()).body());
        var form = Map.of("mode", "quantities", "idempotencyKey", key, "item", sale.ticketTypeId() + ":3");

        var first = client.post("/events/" + sale.eventId() + "/hold", form);
        var second = client.post("/events/" + sale.eventId() + "/hold", form);

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).matches(".*" + HOLD_LOCATION.pattern());
        assertThat(second.location()).isEqualTo(first.location());
        await().untilAsserted(() -> assertThat(available(sale.eventId())).isEqualTo(7));
        var page = client.get(first.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your tickets on hold").contains("Your tickets are held for you.")
                .contains("€45.00").contains("data-countdown=");
    }

    @Test
    void sendsAnonymousBuyersToSignInAndBackToTheEvent() {
        var sale = fixtures.published(organizer, event(organizer, "Sign in first"), 10, 1500);
        var client = pages();
        var key = key(client.get("/events/" + sale.eventId()).body());

        var hold = client.post("/events/" + sale.eventId() + "/hold", Map.of("mode", "quantities",
                "idempotencyKey", key, "item", sale.ticketTypeId() + ":1"));

        assertThat(hold.status()).isEqualTo(302);
        assertThat(hold.location()).endsWith("/login?next=%2Fevents%2F" + sale.eventId());
        assertThat(available(sale.eventId())).isEqualTo(10);
    }

    @Test
    void explainsARefusedHoldOnTheEventPage() {
        var sale = fixtures.published(organizer, event(organizer, "Almost gone"), 2, 1500);
        var client = signedIn(users.create("late", Role.CUSTOMER));
        var page = client.get("/events/" + sale.eventId()).body();

        var tooMany = client.post("/events/" + sale.eventId() + "/hold", Map.of("mode", "quantities",
                "idempotencyKey", key(page), "item", sale.ticketTypeId() + ":3"));
        var nothing = client.post("/events/" + sale.eventId() + "/hold", Map.of("mode", "quantities",
                "idempotencyKey", key(page), "item", sale.ticketTypeId() + ":0"));

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body()).contains("role=\"alert\"").contains("Only 2 left of General admission");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("Choose how many tickets you want first.");
        assertThat(available(sale.eventId())).isEqualTo(2);
    }

    @Test
    void namesTheSeatsSomeoneElseTook() {
        var sale = fixtures.seatedSale(organizer, "Front row", 2, 6, 10);
        var seats = api.get("/api/v1/events/" + sale.eventId()).json().get("seatingPlan").get("sections").get(0)
                .get("rows").get(0).get("seats");
        var third = seats.get(2).get("id").asString();
        var fourth = seats.get(3).get("id").asString();
        var first = Accounts.newSignedInCustomer(api).get("accessToken");
        assertThat(fixtures.holdSeats(first, sale.eventId(), List.of(third, fourth)).status()).isEqualTo(201);
        var client = signedIn(users.create("second", Role.CUSTOMER));
        var page = client.get("/events/" + sale.eventId()).body();

        var refused = client.postForm("/events/" + sale.eventId() + "/hold", List.of(Map.entry("mode", "seats"),
                Map.entry("idempotencyKey", key(page)), Map.entry("seat", fourth), Map.entry("seat",
                        seats.get(4).get("id").asString())));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Someone else has just taken Section A, row 1, seat 4.");
        assertThat(refused.body()).contains("aria-label=\"Section A, row 1, seat 4, taken\"")
                .contains("aria-label=\"Section A, row 1, seat 5, selected\"");
    }

    @Test
    void findsEventsByTitleAndRefusesMalformedFilters() {
        var title = "Lantern " + UUID.randomUUID().toString().substring(0, 8);
        fixtures.published(organizer, event(organizer, title), 10, 2500);

        var found = pages().get("/events?q=" + title.replace(' ', '+'));
        var backwards = pages().get("/events?from=2031-05-02&to=2031-05-01");
        var category = pages().get("/events?category=OPERA");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains(title).contains("One event").contains("From <strong>€25.00</strong>");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-error\"").contains("Must not be before from.")
                .contains("aria-invalid=\"true\"");
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.body()).contains("id=\"category-error\"");
    }

    @Test
    void showsCatalogsFieldErrorsNextToTheEventFormsFields() {
        var client = signedIn(organizer.email());
        client.get("/organizer/events/new");

        var invalid = client.post("/organizer/events", form("organizationId", organizer.organizationId(),
                "title", "No", "category", "CONCERT", "where", "location", "location", "Harbour Hall",
                "timezone", "Mars/Olympus", "startsAt", "2031-05-01T20:00", "endsAt", "2031-05-01T19:00",
                "imageUrl", "http://example.org/a.png", "holdDurationMinutes", "500", "maxTicketsPerBuyer", "ten"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("The event was not saved")
                .contains("id=\"maxTicketsPerBuyer-error\"").contains("Enter a whole number.");
        assertThat(field(invalid.body(), "maxTicketsPerBuyer")).contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"maxTicketsPerBuyer-error");
        var fixed = client.post("/organizer/events", form("organizationId", organizer.organizationId(),
                "title", "No", "category", "CONCERT", "where", "location", "location", "Harbour Hall",
                "timezone", "Mars/Olympus", "startsAt", "2031-05-01T20:00", "endsAt", "2031-05-01T19:00",
                "imageUrl", "http://example.org/a.png", "holdDurationMinutes", "500", "maxTicketsPerBuyer", "10"));
        assertThat(fixed.status()).isEqualTo(400);
        assertThat(field(fixed.body(), "title")).contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"title-error");
        assertThat(fixed.body()).contains("id=\"title-error\"").contains("Must be 3–200 characters.")
                .contains("id=\"imageUrl-error\"").contains("Must be an absolute https:// URL.")
                .contains("id=\"timezone-error\"").contains("id=\"holdDurationMinutes-error\"")
                .contains("value=\"Harbour Hall\"");
        assertThat(client.get("/organizer/events").body()).doesNotContain("Harbour Hall");
    }

    @Test
    void tellsAnOrganizerWhyAnEventCannotBePublishedYet() {
        var draft = fixtures.createEvent(organizer, event(organizer, "Not ready"));
        var client = signedIn(organizer.email());
        client.get("/organizer/events/" + draft);

        var publish = client.post("/organizer/events/" + draft + "/publish", Map.of());

        assertThat(publish.status()).isEqualTo(302);
        assertThat(publish.location()).endsWith("/organizer/events/" + draft + "?error=catalog.no_ticket_types");
        assertThat(client.get("/organizer/events/" + draft + "?error=catalog.no_ticket_types").body())
                .contains("Add at least one ticket type before publishing.");
        var deleted = client.post("/organizer/events/" + draft + "/delete", Map.of());
        assertThat(deleted.location()).endsWith("/organizer/events?notice=event-deleted");
        assertThat(client.get("/organizer/events/" + draft).status()).isEqualTo(404);
    }

    /** What inventory says is left; it may answer from a cache up to a second old. */
    private int available(String event) {
        return inventory.availability(EventId.of(event)).ticketTypes().stream().mapToInt(t -> t.available()).sum();
    }

    /** Form fields in pairs: name, value, name, value … */
    private static Map<String, String> form(String... pairs) {
        var fields = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String key(String page) {
        var matcher = KEY.matcher(page);
        assertThat(matcher.find()).as("an idempotency key on the page").isTrue();
        return matcher.group(1);
    }

    private static String field(String body, String name) {
        var matcher = Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*>").matcher(body);
        assertThat(matcher.find()).as("input " + name).isTrue();
        return matcher.group();
    }

    private PageClient pages() {
        return new PageClient("http://localhost:" + port);
    }

    private PageClient signedIn(String email) {
        var client = pages();
        client.get("/login");
        var response = client.post("/login", Map.of("email", email, "password", Accounts.PASSWORD));
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        return client;
    }
}
