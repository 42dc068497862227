package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.desk.internal.AutoClose;
import io.usher.identity.Role;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;
import io.usher.support.Users;

class DeskAutoCloseAndRatingIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    AutoClose autoClose;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String calendar;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        calendar = desk.roundTheClock(admin);
    }

    String category(Integer autoCloseHours) {
        var body = new HashMap<String, Object>(Map.of("organizationId", team.organizationId(),
                "name", "Queue " + UUID.randomUUID(), "calendarId", calendar,
                "managers", List.of(team.manager().id()), "agents", List.of(team.agent().id())));
        if (autoCloseHours != null) {
            body.put("autoCloseHours", autoCloseHours);
        }
        var created = api.as(admin.token()).post("/api/v1/desk/admin/queues", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return desk.category(admin, created.get("id"));
    }

    String open(String category) {
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Refund did not arrive",
                "description", "I cancelled order 42 two weeks ago and saw no refund.", "categoryId", category));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    Api.Response status(DeskFixtures.Person who, String id, String status) {
        var body = new HashMap<String, Object>(Map.of("status", status));
        if (status.equals("RESOLVED")) {
            body.put("resolution", "Refund re-sent to the card.");
        }
        return api.as(who.token()).post("/api/v1/desk/tickets/" + id + "/status", body);
    }

    void resolve(String id) {
        for (var s : List.of("OPEN", "IN_PROGRESS", "RESOLVED")) {
            var changed = status(team.agent(), id, s);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
    }

    /** Moves the clock; everyone signs in again, since access tokens live shorter than the jumps. */
    void advance(Duration by) {
        clock.advance(by);
        requester = desk.signInAgain(requester);
        team = new DeskFixtures.Team(team.organizationId(), desk.signInAgain(team.manager()),
                desk.signInAgain(team.agent()));
    }

    String statusOf(String id) {
        return api.as(requester.token()).get("/api/v1/desk/tickets/" + id).get("status");
    }

    Api.Response rate(DeskFixtures.Person who, String id, Object score, String comment) {
        var body = new HashMap<String, Object>();
        body.put("score", score);
        if (comment != null) {
            body.put("comment", comment);
        }
        return api.as(who.token()).post("/api/v1/desk/tickets/" + id + "/rating", body);
    }

    void autoClose() {
        while (autoClose.closeDue() > 0) {
            // until nothing is due
        }
    }

    @Test
    void closesResolvedTicketsAfterTheQueuesAutoCloseHoursWithoutActivity() {
        var standard = category(null);
        var quick = category(4);
        var a = open(standard);
        var b = open(quick);
        var reopened = open(standard);
        resolve(a);
        resolve(b);
        resolve(reopened);

        advance(Duration.ofHours(4).plusMinutes(1));
        autoClose();
        assertThat(statusOf(b)).isEqualTo("CLOSED");
        assertThat(statusOf(a)).isEqualTo("RESOLVED");

        // Activity restarts the quiet time: reopened and resolved again 4 hours in, it closes 72 hours after that.
        assertThat(status(requester, reopened, "REOPENED").status()).isEqualTo(200);
        for (var s : List.of("IN_PROGRESS", "RESOLVED")) {
            assertThat(status(team.agent(), reopened, s).status()).isEqualTo(200);
        }
        advance(Duration.ofHours(68));
        autoClose();
        assertThat(statusOf(a)).isEqualTo("CLOSED");
        assertThat(statusOf(reopened)).isEqualTo("RESOLVED");
        advance(Duration.ofHours(4));
        autoClose();
        assertThat(statusOf(reopened)).isEqualTo("CLOSED");
    }

    @Test
    void aPublicReplyAfterTheResolutionRestartsTheQuietTimeButAnInternalNoteDoesNot() {
        var quick = category(4);
        var replied = open(quick);
        var noted = open(quick);
        resolve(replied);
        resolve(noted);

        advance(Duration.ofHours(3));
        var reply = api.as(requester.token()).post("/api/v1/desk/tickets/" + replied + "/comments",
                Map.of("body", "Thanks, I will check my statement tomorrow.", "visibility", "PUBLIC"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        var note = api.as(team.agent().token()).post("/api/v1/desk/tickets/" + noted + "/comments",
                Map.of("body", "Refund reference RF-881 for the record.", "visibility", "INTERNAL"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);

        advance(Duration.ofHours(1).plusMinutes(1));
        autoClose();
        assertThat(statusOf(noted)).isEqualTo("CLOSED");
        assertThat(statusOf(replied)).isEqualTo("RESOLVED");
        advance(Duration.ofHours(3));
        autoClose();
        assertThat(statusOf(replied)).isEqualTo("CLOSED");
    }

    @Test
    void theRequesterRatesAResolvedTicketOncePerResolutionAfterTheMailedLink() {
        var category = category(null);
        var id = open(category);
        assertThat(rate(requester, id, 4, null).code()).isEqualTo("desk.not_resolved");
        resolve(id);

        var link = Mailbox.awaitLink(requester.email(), Pattern.compile("4: (\\S+/desk/tickets/\\S+)"));
        assertThat(link).endsWith("/desk/tickets/" + id + "/rate?score=4");

        assertThat(rate(team.agent(), id, 5, null).code()).isEqualTo("desk.only_requester_rates");
        var stranger = desk.person("stranger", Role.CUSTOMER);
        assertThat(rate(stranger, id, 5, null).status()).isEqualTo(404);
        var invalid = rate(requester, id, 6, "x".repeat(2001));
        assertThat(invalid.code()).isEqualTo("desk.invalid_rating");
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("score", "comment");

        var rated = rate(requester, id, 4, "Quick and kind");
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().get("score").asInt()).isEqualTo(4);
        assertThat(rate(requester, id, 5, null).code()).isEqualTo("desk.already_rated");

        // Closed still counts as this resolution; reopened and resolved again, it may be rated again.
        assertThat(status(team.agent(), id, "CLOSED").status()).isEqualTo(200);
        assertThat(rate(requester, id, 5, null).code()).isEqualTo("desk.already_rated");
        assertThat(status(requester, id, "REOPENED").status()).isEqualTo(200);
        assertThat(rate(requester, id, 5, null).code()).isEqualTo("desk.not_resolved");
        for (var s : List.of("IN_PROGRESS", "RESOLVED")) {
            assertThat(status(team.agent(), id, s).status()).isEqualTo(200);
        }
        assertThat(rate(requester, id, 5, null).status()).isEqualTo(201);
    }

    @Test
    void aPoorRatingAlertsTheQueuesManagersByMailAndInApp() {
        var category = category(null);
        var good = open(category);
        var poor = open(category);
        resolve(good);
        resolve(poor);
        assertThat(rate(requester, good, 3, null).status()).isEqualTo(201);
        assertThat(rate(requester, poor, 2, "Took forever").status()).isEqualTo(201);
        var number = api.as(requester.token()).get("/api/v1/desk/tickets/" + poor).get("number");

        var manager = team.manager();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.as(manager.token()).get("/api/v1/me/notifications").json().get("items").valueStream()
                        .filter(n -> n.get("kind").asString().equals("desk.poor_rating"))
                        .map(n -> n.get("title").asString()))
                .containsExactly(number + " was rated 2 of 5"));
        assertThat(Mailbox.awaitLink(team.manager().email(), Pattern.compile("rated (\\S+ 2 of 5: \"Took forever\")")))
                .isEqualTo(number + " 2 of 5: \"Took forever\"");
    }
}
