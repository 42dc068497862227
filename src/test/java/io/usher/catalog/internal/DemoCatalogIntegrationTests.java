package io.usher.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** The embedded database's demo event: a seated venue and a published concert next month, seeded once. */
class DemoCatalogIntegrationTests extends IntegrationTest {

    @Autowired
    DemoCatalog demo;

    @Autowired
    Users users;

    @Test
    void seedsOnePublishedConcertWithStandingAndSeatsOnce() {
        var token = users.signedIn(api, "demo-organizer", Role.ORGANIZER);
        var name = "Demo Org " + UUID.randomUUID();
        assertThat(api.as(token).post("/api/v1/organizations", Map.of("name", name, "kind", "ORGANIZER")).status())
                .isEqualTo(201);

        var first = demo.seed(name);
        var second = demo.seed(name);

        assertThat(first).isPresent();
        assertThat(second).as("only while the organization has no events").isEmpty();
        var event = api.get("/api/v1/events/" + first.get()).json();
        assertThat(event.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(event.get("category").asString()).isEqualTo("CONCERT");
        assertThat(java.time.Instant.parse(event.get("startsAtUtc").asString())).isAfter(clock.instant().plusSeconds(20 * 86_400));
        var types = event.get("ticketTypes");
        assertThat(types.get(0).get("capacity").asInt()).isEqualTo(1000);
        assertThat(types.get(0).get("priceMinor").asLong()).isEqualTo(4500);
        assertThat(types.get(1).get("seated").asBoolean()).isTrue();
        assertThat(types.get(1).get("capacity").asInt()).isEqualTo(10 * 20 + 5 * 16);
        assertThat(types.get(1).get("priceMinor").asLong()).isEqualTo(7500);
        assertThat(event.get("seatingPlan").get("sections").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/events/" + first.get() + "/availability").json().get("ticketTypes").size())
                .isEqualTo(2);
    }

    @Test
    void skipsSeedingWhenDemoAccountsAreOff() throws Exception {
        var before = api.get("/api/v1/events?q=usher%20demo%20night&size=100").json().get("total").asLong();

        demo.run(new DefaultApplicationArguments());

        assertThat(api.get("/api/v1/events?q=usher%20demo%20night&size=100").json().get("total").asLong())
                .isEqualTo(before);
    }
}
