package io.usher.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.usher.identity.Role;
import io.usher.support.Accounts;
import io.usher.support.Api;
import io.usher.support.Users;

/** Catalog test fixtures, made through the public API like an organizer's client would. */
public final class CatalogFixtures {

    private final Api api;
    private final Users users;

    public CatalogFixtures(Api api, Users users) {
        this.api = api;
        this.users = users;
    }

    /** A signed-in organizer who owns a new organization (password {@link Accounts#PASSWORD}). */
    public record Organizer(String token, String organizationId, String email) {
    }

    /** A published event with one general-admission ticket type. */
    public record Sale(String eventId, String ticketTypeId) {
    }

    /** A published event at a venue: a seated type selling its plan, and a general-admission type. */
    public record SeatedSale(String eventId, String seatedTypeId, String generalAdmissionId) {
    }

    public Organizer organizer() {
        var email = users.create("organizer", Role.ORGANIZER);
        var token = Accounts.login(api, email, Accounts.PASSWORD).get("accessToken");
        var created = api.as(token).post("/api/v1/organizations",
                Map.of("name", "Org " + UUID.randomUUID(), "kind", "ORGANIZER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Organizer(token, created.get("id"), email);
    }

    /**
     * A published event titled {@code title} at a new venue whose plan is one section "A" of {@code rows} rows of
     * {@code seatsPerRow} seats (seat 1 accessible), sold as "Reserved seat" at 30.00 EUR, plus "Standing" at
     * 15.00 EUR for {@code standing} people.
     */
    public SeatedSale seatedSale(Organizer organizer, String title, int rows, int seatsPerRow, int standing) {
        var venue = venue(organizer, rows * seatsPerRow + standing, plan(section("A", 1, rows, seatsPerRow, List.of(1))));
        assertThat(venue.status()).as(venue.toString()).isEqualTo(201);
        var section = venue.json().get("seatingPlan").get("sections").get(0).get("id").asString();
        var event = createEvent(organizer, event(organizer, title, "venueId", venue.get("id"), "location", null,
                "timezone", null));
        var seated = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types",
                body("name", "Reserved seat", "priceMinor", 3000, "currency", "EUR", "sectionIds", List.of(section)));
        assertThat(seated.status()).as(seated.toString()).isEqualTo(201);
        var standingType = generalAdmission(organizer, event, "Standing", standing, 1500, "EUR");
        var published = publish(organizer, event);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return new SeatedSale(event, seated.get("id"), standingType);
    }

    public String customer() {
        return Accounts.newSignedInCustomer(api).get("accessToken");
    }

    /** Alternating keys and values; {@code null} values are kept (Map.of refuses them). */
    public static Map<String, Object> body(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A draft at a free-text location in Berlin time, 1 May 2031 20:00–23:00, with {@code changes} applied. */
    public static Map<String, Object> event(Organizer organizer, String title, Object... changes) {
        var event = body("organizationId", organizer.organizationId(), "title", title,
                "description", "A night out.", "category", "CONCERT", "location", "Harbour Hall, Hamburg",
                "timezone", "Europe/Berlin", "startsAt", "2031-05-01T20:00", "endsAt", "2031-05-01T23:00");
        event.putAll(body(changes));
        return event;
    }

    public String createEvent(Organizer organizer, Map<String, Object> event) {
        var created = api.as(organizer.token()).post("/api/v1/events", event);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    public String generalAdmission(Organizer organizer, String event, String name, int capacity, long priceMinor,
            String currency) {
        var created = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types",
                body("name", name, "priceMinor", priceMinor, "currency", currency, "capacity", capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    public Api.Response publish(Organizer organizer, String event) {
        return api.as(organizer.token()).post("/api/v1/events/" + event + "/publish", Map.of());
    }

    /** A published event with a general-admission type of this capacity and price (EUR). */
    public Sale published(Organizer organizer, Map<String, Object> event, int capacity, long priceMinor) {
        var id = createEvent(organizer, event);
        var type = generalAdmission(organizer, id, "General admission", capacity, priceMinor, "EUR");
        var published = publish(organizer, id);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return new Sale(id, type);
    }

    public Api.Response hold(String buyer, String event, String ticketType, int quantity) {
        return api.as(buyer).with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/holds",
                Map.of("eventId", event, "items", List.of(Map.of("ticketTypeId", ticketType, "quantity", quantity))));
    }

    public Api.Response holdSeats(String buyer, String event, List<String> seats) {
        return api.as(buyer).with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/holds",
                Map.of("eventId", event, "seats", seats));
    }

    /** A venue of the organizer's organization with the plan given in the compact form. */
    public Api.Response venue(Organizer organizer, int capacity, Object plan) {
        return api.as(organizer.token()).post("/api/v1/venues", body("organizationId", organizer.organizationId(),
                "name", "Hall " + UUID.randomUUID().toString().substring(0, 8), "address", "Hafenstraße 1, Hamburg",
                "timezone", "Europe/Berlin", "capacity", capacity, "seatingPlan", plan));
    }

    public static Map<String, Object> section(String name, Object from, Object to, int seatsPerRow, List<Integer> accessible) {
        return body("name", name, "rows", Map.of("from", from, "to", to), "seatsPerRow", seatsPerRow,
                "accessibleSeats", accessible);
    }

    public static Map<String, Object> plan(Object... sections) {
        return Map.of("sections", List.of(sections));
    }

    /** Fields named in a problem's {@code errors}. */
    public static List<String> fields(Api.Response problem) {
        return problem.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
