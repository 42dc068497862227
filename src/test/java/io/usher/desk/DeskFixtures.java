package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.usher.identity.Role;
import io.usher.support.Accounts;
import io.usher.support.Api;
import io.usher.support.Users;

/** Desk set-ups through the public API: an administrator, a support team, a calendar, a queue. */
public class DeskFixtures {

    private final Api api;
    private final Users users;

    public DeskFixtures(Api api, Users users) {
        this.api = api;
        this.users = users;
    }

    /** A signed-in person: token and user id. */
    public record Person(String token, String id, String email) {
    }

    /** A support organization owned by its manager, with one agent. */
    public record Team(String organizationId, Person manager, Person agent) {
    }

    public Person person(String who, Role... roles) {
        var email = users.create(who, roles);
        var token = Accounts.login(api, email, Accounts.PASSWORD).get("accessToken");
        var me = api.as(token).get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return new Person(token, me.get("id"), email);
    }

    /** The same person signed in again (access tokens expire when a test moves the clock far). */
    public Person signInAgain(Person person) {
        var token = Accounts.login(api, person.email(), Accounts.PASSWORD).get("accessToken");
        return new Person(token, person.id(), person.email());
    }

    public Person admin() {
        return person("desk-admin", Role.ADMIN);
    }

    public Team team() {
        var manager = person("desk-manager", Role.MANAGER, Role.AGENT);
        var agent = person("desk-agent", Role.AGENT);
        var org = api.as(manager.token()).post("/api/v1/organizations",
                Map.of("name", "Support " + UUID.randomUUID(), "kind", "SUPPORT"));
        assertThat(org.status()).as(org.toString()).isEqualTo(201);
        var organizationId = org.get("id");
        var added = api.as(manager.token()).post("/api/v1/organizations/" + organizationId + "/members",
                Map.of("email", agent.email()));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return new Team(organizationId, manager, agent);
    }

    /** Mon–Fri 09:00–17:00 in the zone, no holidays; answers its id. */
    public String officeHours(Person admin, String zone) {
        var hours = Map.of("MON", List.of("09:00-17:00"), "TUE", List.of("09:00-17:00"), "WED", List.of("09:00-17:00"),
                "THU", List.of("09:00-17:00"), "FRI", List.of("09:00-17:00"));
        var created = api.as(admin.token()).post("/api/v1/desk/admin/calendars",
                Map.of("name", "Office " + UUID.randomUUID(), "timezone", zone, "hours", hours));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    /** Open around the clock in UTC, so due times are creation time plus the target; answers its id. */
    public String roundTheClock(Person admin) {
        var created = api.as(admin.token()).post("/api/v1/desk/admin/calendars",
                Map.of("name", "24/7 " + UUID.randomUUID(), "timezone", "UTC", "alwaysOpen", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    /** A queue of the team on the calendar, the manager managing and the agent working it; answers its id. */
    public String queue(Person admin, Team team, String calendarId) {
        var created = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "Queue " + UUID.randomUUID(), "calendarId", calendarId,
                "managers", List.of(team.manager().id()), "agents", List.of(team.agent().id())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    /** A top-level category routed to the queue, without custom fields; answers its id. */
    public String category(Person admin, String queueId) {
        var created = api.as(admin.token()).post("/api/v1/desk/admin/categories",
                Map.of("name", "Category " + UUID.randomUUID(), "defaultQueueId", queueId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }
}
