package io.usher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.usher.catalog.CatalogFixtures;
import io.usher.identity.Role;
import io.usher.order.OrderFixtures;
import io.usher.support.Accounts;
import io.usher.support.Api;
import io.usher.support.Users;

/** Paid orders, their issued tickets, and door staff of the organizing organization, over HTTP. */
public final class AdmissionFixtures {

    public final OrderFixtures orders;
    private final Api api;
    private final Users users;

    public AdmissionFixtures(Api api, Users users, String base) {
        this.api = api;
        this.users = users;
        this.orders = new OrderFixtures(api, users, base);
    }

    /** A signed-in DOOR_STAFF user the organizer added to the organization; returns the access token. */
    public String doorStaff(CatalogFixtures.Organizer organizer) {
        return doorStaffAccount(organizer).token();
    }

    /** A door staff account: its e-mail address (the password is {@link Accounts#PASSWORD}) and access token. */
    public record DoorStaff(String email, String token) {
    }

    /** A DOOR_STAFF user the organizer added to the organization, signed in. */
    public DoorStaff doorStaffAccount(CatalogFixtures.Organizer organizer) {
        var email = users.create("door", Role.DOOR_STAFF);
        var added = api.as(organizer.token()).post("/api/v1/organizations/" + organizer.organizationId() + "/members",
                Map.of("email", email));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return new DoorStaff(email, Accounts.login(api, email, Accounts.PASSWORD).get("accessToken"));
    }

    /** Waits until the buyer holds at least {@code count} tickets of the order, and returns them. */
    public List<Map<String, Object>> tickets(String buyer, String order, int count) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> ticketsOf(buyer, order), tickets -> tickets.size() >= count);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ticketsOf(String buyer, String order) {
        var response = api.as(buyer).get("/api/v1/me/tickets");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().map(t -> (Map<String, Object>) new tools.jackson.databind.ObjectMapper()
                .convertValue(t, Map.class)).filter(t -> order.equals(t.get("orderId"))).toList();
    }

    public Api.Response checkIn(String staff, String event, String field, String value, String gate) {
        return api.as(staff).post("/api/v1/checkins", Map.of("eventId", event, field, value, "gate", gate));
    }
}
