package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

class DeskConversationIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person agent;
    DeskFixtures.Person manager;
    DeskFixtures.Person requester;
    String ticket;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        agent = team.agent();
        manager = team.manager();
        requester = desk.person("requester", Role.CUSTOMER);
        var category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Cannot download",
                "description", "The PDF link answers with an error page.", "categoryId", category));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ticket = created.get("id");
    }

    Api.Response comment(DeskFixtures.Person who, String visibility, String body, String... attachmentIds) {
        var request = new HashMap<String, Object>(Map.of("body", body, "visibility", visibility));
        if (attachmentIds.length > 0) {
            request.put("attachmentIds", List.of(attachmentIds));
        }
        return api.as(who.token()).post("/api/v1/desk/tickets/" + ticket + "/comments", request);
    }

    String posted(DeskFixtures.Person who, String visibility, String body, String... attachmentIds) {
        var response = comment(who, visibility, body, attachmentIds);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.get("id");
    }

    List<String> bodies(DeskFixtures.Person who) {
        var list = api.as(who.token()).get("/api/v1/desk/tickets/" + ticket + "/comments");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().valueStream().map(c -> c.get("body").asString()).toList();
    }

    JsonNode firstResponse(DeskFixtures.Person who) {
        return api.as(who.token()).get("/api/v1/desk/tickets/" + ticket).json().get("sla").get("firstResponse");
    }

    @Test
    void requestersNeverSeeInternalNotesInCommentsTicketOrTimeline() {
        posted(requester, "PUBLIC", "Still broken this morning.");
        posted(agent, "INTERNAL", "Secret: the PDF service is down, do not tell yet.");
        posted(agent, "PUBLIC", "We are looking into it.");

        assertThat(bodies(agent)).containsExactly("Still broken this morning.",
                "Secret: the PDF service is down, do not tell yet.", "We are looking into it.");
        assertThat(bodies(manager)).hasSize(3);
        assertThat(bodies(requester)).containsExactly("Still broken this morning.", "We are looking into it.");

        assertThat(api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket).text()).doesNotContain("Secret");
        var timeline = api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.text()).doesNotContain("Secret").contains("We are looking into it.");
        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").text()).contains("Secret");
    }

    @Test
    void requestersWritePublicRepliesOnlyAndOutsidersSeeNothing() {
        var refused = comment(requester, "INTERNAL", "Let me sneak a note in.");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("desk.requesters_write_public_only");

        var invalid = comment(requester, "SHOUTING", " ");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("desk.invalid_comment");
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("body", "visibility");

        var stranger = desk.person("stranger", Role.CUSTOMER);
        var otherAgent = desk.team().agent();
        for (var outsider : List.of(stranger, otherAgent)) {
            assertThat(comment(outsider, "PUBLIC", "Hello?").status()).isEqualTo(404);
            var list = api.as(outsider.token()).get("/api/v1/desk/tickets/" + ticket + "/comments");
            assertThat(list.status()).isEqualTo(404);
            assertThat(list.code()).isEqualTo("desk.ticket_not_found");
            assertThat(api.as(outsider.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void rendersTheBodySanitized() {
        var posted = comment(requester, "PUBLIC", "**Hi** <script>alert(1)</script> [x](javascript:alert(2))");
        assertThat(posted.get("bodyHtml")).contains("<strong>Hi</strong>").doesNotContain("<script")
                .doesNotContain("javascript:");
    }

    @Test
    void theFirstPublicAgentReplyMeetsTheFirstResponseTimer() {
        posted(requester, "PUBLIC", "Any news?");
        posted(agent, "INTERNAL", "Checking the logs.");
        assertThat(firstResponse(agent).get("status").asString()).isEqualTo("RUNNING");

        clock.advance(Duration.ofMinutes(3));
        posted(agent, "PUBLIC", "Found it, fixing now.");
        var timer = firstResponse(agent);
        assertThat(timer.get("status").asString()).isEqualTo("MET");
        assertThat(timer.get("consumedMinutes").asLong()).isEqualTo(3);

        posted(manager, "PUBLIC", "Second reply.");
        var events = api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket).json().get("sla").get("events");
        assertThat(events.valueStream().filter(e -> e.get("target").asString().equals("FIRST_RESPONSE"))
                .map(e -> e.get("type").asString() + " " + e.get("reason").asString()))
                .containsExactly("START MEDIUM", "MET first public reply");
    }

    @Test
    void aRequesterReplyOnHoldKeepsTheStatusAndIsRecorded() {
        for (var status : List.of("OPEN", "ON_HOLD")) {
            var moved = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/status",
                    Map.of("status", status));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        var reply = posted(requester, "PUBLIC", "Here is the order number you asked for.");

        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket).get("status")).isEqualTo("ON_HOLD");
        var timeline = api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").json();
        var entries = timeline.valueStream()
                .map(e -> e.get("kind").asString() + " " + (e.has("field") ? e.get("field").asString() : "")).toList();
        // the first entry is the round-robin assignment when the ticket was opened
        assertThat(entries).containsExactly("CHANGE assignee", "CHANGE status", "CHANGE status", "COMMENT ",
                "CHANGE requester_replied");
        var recorded = timeline.get(4);
        assertThat(recorded.get("oldValue").asString()).isEqualTo("ON_HOLD");
        assertThat(recorded.get("newValue").asString()).isEqualTo(reply);
        assertThat(recorded.get("actorId").asString()).isEqualTo(requester.id());
    }

    @Test
    void theTimelineMergesCommentsAndChangesInOrder() {
        posted(requester, "PUBLIC", "First.");
        clock.advance(Duration.ofSeconds(10));
        api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/status", Map.of("status", "OPEN"));
        clock.advance(Duration.ofSeconds(10));
        posted(agent, "INTERNAL", "Note.");
        clock.advance(Duration.ofSeconds(10));
        api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/priority", Map.of("priority", "HIGH"));
        clock.advance(Duration.ofSeconds(10));
        posted(agent, "PUBLIC", "Reply.");

        var agentView = api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").json();
        assertThat(agentView.valueStream().map(DeskConversationIntegrationTests::line))
                .containsExactly("CHANGE assignee ∅→" + agent.id(), "COMMENT First.", "CHANGE status NEW→OPEN",
                        "COMMENT Note.", "CHANGE priority MEDIUM→HIGH", "COMMENT Reply.");
        var requesterView = api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").json();
        assertThat(requesterView.valueStream().map(DeskConversationIntegrationTests::line))
                .containsExactly("CHANGE assignee ∅→" + agent.id(), "COMMENT First.", "CHANGE status NEW→OPEN",
                        "CHANGE priority MEDIUM→HIGH", "COMMENT Reply.");
    }

    static String line(JsonNode entry) {
        return entry.get("kind").asString().equals("COMMENT")
                ? "COMMENT " + entry.get("comment").get("body").asString()
                : "CHANGE " + entry.get("field").asString() + " " + value(entry, "oldValue") + "→"
                        + value(entry, "newValue");
    }

    private static String value(JsonNode entry, String field) {
        var value = entry.get(field);
        return value == null || value.isNull() ? "∅" : value.asString();
    }

    @Test
    void theAuthorEditsWithinFiveMinutesKeepingTheHistory() {
        var id = posted(agent, "INTERNAL", "Frist draft");
        var path = "/api/v1/desk/tickets/" + ticket + "/comments/" + id;

        clock.advance(Duration.ofMinutes(2));
        var edited = api.as(agent.token()).put(path, Map.of("body", "First draft"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.get("body")).isEqualTo("First draft");
        assertThat(edited.get("editedAt")).isNotNull();
        assertThat(api.as(agent.token()).put(path, Map.of("body", "First draft, again")).status()).isEqualTo(200);

        var notAuthor = api.as(manager.token()).put(path, Map.of("body", "Hijacked"));
        assertThat(notAuthor.status()).isEqualTo(403);
        assertThat(notAuthor.code()).isEqualTo("desk.not_the_author");
        assertThat(api.as(requester.token()).put(path, Map.of("body", "Peek")).code())
                .isEqualTo("desk.comment_not_found");

        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        var late = api.as(agent.token()).put(path, Map.of("body", "Too late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("desk.edit_window_closed");

        var revisions = api.as(manager.token()).get(path + "/revisions").json();
        assertThat(revisions.valueStream().map(r -> r.get("body").asString())).containsExactly("Frist draft",
                "First draft");
        assertThat(bodies(agent)).containsExactly("First draft, again");
        assertThat(api.as(requester.token()).get(path + "/revisions").status()).isEqualTo(404);
    }

    @Test
    void aPublicAgentReplyMailsTheRequesterAndAnInternalNoteDoesNot() {
        posted(agent, "INTERNAL", "Internal-marker-" + ticket);
        posted(agent, "PUBLIC", "Public-marker-" + ticket);

        var excerpt = Mailbox.awaitLink(requester.email(), java.util.regex.Pattern.compile("(Public-marker-\\S+)"));
        assertThat(excerpt).isEqualTo("Public-marker-" + ticket);
        posted(requester, "PUBLIC", "Own-reply-marker");
        posted(manager, "PUBLIC", "Second-public-marker");
        Mailbox.awaitLink(requester.email(), java.util.regex.Pattern.compile("(Second-public-marker)"));
        assertThat(Mailbox.messagesTo(requester.email())).hasSize(2)
                .allSatisfy(message -> assertThat(Mailbox.body(message)).doesNotContain("Internal-marker")
                        .doesNotContain("Own-reply-marker"));
    }

    @Test
    void mentionsMailTheAgentsOfTheQueueOnly() {
        var stranger = desk.person("stranger", Role.AGENT);
        posted(manager, "INTERNAL", "@" + agent.email() + " please look; cc @" + stranger.email() + " and @"
                + manager.email());

        var body = Mailbox.awaitLink(agent.email(), java.util.regex.Pattern.compile("(mentioned you in [^\\n]+)"));
        assertThat(body).contains("an internal note");
        posted(requester, "PUBLIC", "Mention-check done");
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.messagesTo(agent.email()).size() == 1);
        assertThat(Mailbox.messagesTo(stranger.email())).isEmpty();
        assertThat(Mailbox.messagesTo(manager.email())).isEmpty();
    }

    @Test
    void anEditTellsOnlyThoseItNewlyMentions() {
        var id = posted(agent, "INTERNAL", "Please look, someone");
        var path = "/api/v1/desk/tickets/" + ticket + "/comments/" + id;

        var mentioning = api.as(agent.token()).put(path, Map.of("body", "Please look, @" + manager.email()));
        assertThat(mentioning.status()).as(mentioning.toString()).isEqualTo(200);
        var body = Mailbox.awaitLink(manager.email(), java.util.regex.Pattern.compile("(mentioned you in [^\\n]+)"));
        assertThat(body).contains("an internal note");

        var again = api.as(agent.token()).put(path, Map.of("body", "Please look, @" + manager.email() + ", today"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        // a later mail to someone else: the second edit's notices, if any, went out before it
        posted(agent, "PUBLIC", "Barrier-marker-" + ticket);
        Mailbox.awaitLink(requester.email(), java.util.regex.Pattern.compile("(Barrier-marker-\\S+)"));
        assertThat(Mailbox.messagesTo(manager.email())).hasSize(1);
    }
}
