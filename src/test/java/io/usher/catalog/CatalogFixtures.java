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
final class CatalogFixtures {

    private final Api api;
    private final Users users;

    CatalogFixtures(Api api, Users users) {
        this.api = api;
        this.users = users;
    }

    /** A signed-in organizer who owns a new organization. */
    record Organizer(String token, String organizationId) {
    }

    /** A published event with one general-admission ticket type. */
    record Sale(String eventId, String ticketTypeId) {
    }

    Organizer organizer() {
        var token = users.signedIn(api, "organizer", Role.ORGANIZER);
        var created = api.as(token).post("/api/v1/organizations",
                Map.of("name", "Org " + UUID.randomUUID(), "kind", "ORGANIZER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Organizer(token, created.get("id"));
    }

    String customer() {
        return Accounts.newSignedInCustomer(api).get("accessToken");
    }

    /** Alternating keys and values; {@code null} values are kept (Map.of refuses them). */
    static Map<String, Object> body(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A draft at a free-text location in Berlin time, 1 May 2031 20:00–23:00, with {@code changes} applied. */
    static Map<String, Object> event(Organizer organizer, String title, Object... changes) {
        var event = body("organizationId", organizer.organizationId(), "title", title,
                "description", "A night out.", "category", "CONCERT", "location", "Harbour Hall, Hamburg",
                "timezone", "Europe/Berlin", "startsAt", "2031-05-01T20:00", "endsAt", "2031-05-01T23:00");
        event.putAll(body(changes));
        return event;
    }

    String createEvent(Organizer organizer, Map<String, Object> event) {
        var created = api.as(organizer.token()).post("/api/v1/events", event);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    String generalAdmission(Organizer organizer, String event, String name, int capacity, long priceMinor,
            String currency) {
        var created = api.as(organizer.token()).post("/api/v1/events/" + event + "/ticket-types",
                body("name", name, "priceMinor", priceMinor, "currency", currency, "capacity", capacity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    Api.Response publish(Organizer organizer, String event) {
        return api.as(organizer.token()).post("/api/v1/events/" + event + "/publish", Map.of());
    }

    /** A published event with a general-admission type of this capacity and price (EUR). */
    Sale published(Organizer organizer, Map<String, Object> event, int capacity, long priceMinor) {
        var id = createEvent(organizer, event);
        var type = generalAdmission(organizer, id, "General admission", capacity, priceMinor, "EUR");
        var published = publish(organizer, id);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return new Sale(id, type);
    }

    Api.Response hold(String buyer, String event, String ticketType, int quantity) {
        return api.as(buyer).with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/holds",
                Map.of("eventId", event, "items", List.of(Map.of("ticketTypeId", ticketType, "quantity", quantity))));
    }

    Api.Response holdSeats(String buyer, String event, List<String> seats) {
        return api.as(buyer).with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/holds",
                Map.of("eventId", event, "seats", seats));
    }

    /** A venue of the organizer's organization with the plan given in the compact form. */
    Api.Response venue(Organizer organizer, int capacity, Object plan) {
        return api.as(organizer.token()).post("/api/v1/venues", body("organizationId", organizer.organizationId(),
                "name", "Hall " + UUID.randomUUID().toString().substring(0, 8), "address", "Hafenstraße 1, Hamburg",
                "timezone", "Europe/Berlin", "capacity", capacity, "seatingPlan", plan));
    }

    static Map<String, Object> section(String name, Object from, Object to, int seatsPerRow, List<Integer> accessible) {
        return body("name", name, "rows", Map.of("from", from, "to", to), "seatsPerRow", seatsPerRow,
                "accessibleSeats", accessible);
    }

    static Map<String, Object> plan(Object... sections) {
        return Map.of("sections", List.of(sections));
    }

    /** Fields named in a problem's {@code errors}. */
    static List<String> fields(Api.Response problem) {
        return problem.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
