package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.usher.identity.Role;
import io.usher.support.Api;
import tools.jackson.databind.JsonNode;

/** Merging a duplicate into another ticket, and bulk updates with a result per ticket. */
class DeskMergeAndBulkIntegrationTests extends DeskIntegrationTest {

    String open(DeskFixtures.Person who, String inCategory) {
        var body = new HashMap<String, Object>(Map.of("subject", "The app crashes at checkout",
                "description", "Original-description-marker: it crashes.", "categoryId", inCategory));
        var created = api.as(who.token()).post("/api/v1/desk/tickets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    String open() {
        return open(requester, category);
    }

    Api.Response comment(DeskFixtures.Person who, String ticket, String body, String visibility) {
        var posted = api.as(who.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", body, "visibility", visibility));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted;
    }

    Api.Response merge(DeskFixtures.Person who, String duplicate, String into) {
        return api.as(who.token()).post("/api/v1/desk/tickets/" + duplicate + "/merge", Map.of("into", into));
    }

    Api.Response status(String ticket, String status) {
        return api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/status", Map.of("status", status));
    }

    List<String> bodies(DeskFixtures.Person who, String ticket) {
        return api.as(who.token()).get("/api/v1/desk/tickets/" + ticket + "/comments").json().valueStream()
                .map(c -> c.get("visibility").asString() + ": " + c.get("body").asString()).toList();
    }

    @Test
    void mergingMovesTheConversationLinksAndClosesTheDuplicate() {
        var into = open();
        var duplicate = open();
        comment(requester, duplicate, "Requester-reply on the duplicate", "PUBLIC");
        comment(agent, duplicate, "Agent-note on the duplicate", "INTERNAL");

        var merged = merge(agent, duplicate, into);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.get("id")).isEqualTo(into);
        assertThat(merged.json().get("links").valueStream().map(l -> l.get("type").asString() + " "
                + l.get("ticketId").asString())).containsExactly("HAS_DUPLICATE " + duplicate);

        var dup = api.as(agent.token()).get("/api/v1/desk/tickets/" + duplicate).json();
        assertThat(dup.get("status").asString()).isEqualTo("CLOSED");
        assertThat(dup.get("links").get(0).get("type").asString()).isEqualTo("DUPLICATE_OF");
        assertThat(bodies(agent, duplicate)).isEmpty();
        assertThat(bodies(agent, into)).containsExactly("PUBLIC: Requester-reply on the duplicate",
                "INTERNAL: Agent-note on the duplicate",
                "INTERNAL: Merged from " + dup.get("number").asString()
                        + " (The app crashes at checkout):\n\nOriginal-description-marker: it crashes.");
        // the same requester keeps reading their reply, never the notes
        assertThat(bodies(requester, into)).containsExactly("PUBLIC: Requester-reply on the duplicate");

        var timeline = api.as(agent.token()).get("/api/v1/desk/tickets/" + duplicate + "/timeline").json();
        assertThat(timeline.valueStream().filter(e -> "CHANGE".equals(e.get("kind").asString()))
                .map(e -> e.get("field").asString() + " " + (e.has("newValue") ? e.get("newValue").asString() : "null")))
                .contains("merged_into " + merged.get("number"), "status CLOSED",
                        "link DUPLICATE_OF " + merged.get("number"));
    }

    @Test
    void anotherRequestersRepliesBecomeInternalNotesWhenMerged() {
        var someoneElse = desk.person("someone-else", Role.CUSTOMER);
        var into = open();
        var duplicate = open(someoneElse, category);
        comment(someoneElse, duplicate, "Someone-else's reply", "PUBLIC");
        // the duplicate's watchers: the queue's manager, and its requester
        for (var watcher : List.of(team.manager(), someoneElse)) {
            var watched = api.as(watcher.token()).post("/api/v1/desk/tickets/" + duplicate + "/watchers", Map.of());
            assertThat(watched.status()).as(watched.toString()).isEqualTo(200);
        }
        assertThat(merge(agent, duplicate, into).status()).isEqualTo(200);
        assertThat(bodies(requester, into)).isEmpty();
        assertThat(bodies(agent, into)).contains("INTERNAL: Someone-else's reply");
        // the manager follows the conversation on; the other requester, who may not see this ticket, does not
        var watchers = api.as(agent.token()).get("/api/v1/desk/tickets/" + into + "/relations").json().get("watchers");
        assertThat(watchers.valueStream().map(w -> w.get("userId").asString())).containsExactly(team.manager().id());
    }

    @Test
    void refusesMergingIntoItselfIntoAClosedTicketOrAcrossUnseenQueues() {
        var into = open();
        var duplicate = open();
        var itself = merge(agent, duplicate, duplicate);
        assertThat(itself.status()).isEqualTo(422);
        assertThat(itself.code()).isEqualTo("desk.merge_into_itself");

        status(into, "CLOSED");
        var closed = merge(agent, duplicate, into);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.code()).isEqualTo("desk.merge_into_closed");

        var byRequester = merge(requester, duplicate, open());
        assertThat(byRequester.status()).isEqualTo(403);
        assertThat(byRequester.code()).isEqualTo("desk.not_an_agent_of_the_queue");

        var otherQueue = desk.queue(admin, desk.team(), desk.roundTheClock(admin));
        var foreign = open(requester, desk.category(admin, otherQueue));
        var unseen = merge(agent, duplicate, foreign);
        assertThat(unseen.status()).isEqualTo(404);
        assertThat(unseen.code()).isEqualTo("desk.ticket_not_found");

        var alreadyClosed = open();
        status(alreadyClosed, "CLOSED");
        var closedDuplicate = merge(agent, alreadyClosed, open());
        assertThat(closedDuplicate.status()).isEqualTo(409);
        assertThat(closedDuplicate.code()).isEqualTo("desk.illegal_transition");
        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + duplicate).get("status")).isEqualTo("NEW");
    }

    @Test
    void bulkUpdatesEachTicketOnItsOwnAndReportsEveryRefusal() {
        var first = open();
        var second = open();
        var resolvedLater = open();
        status(resolvedLater, "CLOSED");
        var otherQueue = desk.queue(admin, desk.team(), desk.roundTheClock(admin));
        var foreign = open(requester, desk.category(admin, otherQueue));
        var missing = UUID.randomUUID().toString();

        var bulk = api.as(agent.token()).post("/api/v1/desk/tickets/bulk", Map.of(
                "ticketIds", List.of(first, second, resolvedLater, foreign, missing),
                "status", "OPEN", "priority", "HIGH", "assigneeId", team.agent().id()));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        var results = outcomes(bulk.json());
        assertThat(results).containsExactly(first + " UPDATED null", second + " UPDATED null",
                resolvedLater + " REFUSED desk.illegal_transition", foreign + " REFUSED desk.ticket_not_found",
                missing + " REFUSED desk.ticket_not_found");

        var updated = api.as(agent.token()).get("/api/v1/desk/tickets/" + first).json();
        assertThat(updated.get("status").asString()).isEqualTo("OPEN");
        assertThat(updated.get("priority").asString()).isEqualTo("HIGH");
        assertThat(updated.get("assigneeId").asString()).isEqualTo(team.agent().id());
        // the refused ticket keeps its priority: its whole change rolled back
        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + resolvedLater).get("priority"))
                .isEqualTo("MEDIUM");

        var notAnAgent = api.as(agent.token()).post("/api/v1/desk/tickets/bulk", Map.of(
                "ticketIds", List.of(first), "assigneeId", requester.id()));
        assertThat(outcomes(notAnAgent.json())).containsExactly(first + " REFUSED desk.not_queue_agent");
        var detail = notAnAgent.json().get("results").get(0).get("detail").asString();
        assertThat(detail).isNotBlank();
    }

    @Test
    void bulkMovesTicketsToAnotherQueueUnassigningWhoIsNoAgentThere() {
        var ticket = open();
        api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/assignee", Map.of("agentId", agent.id()));
        var other = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "Second line " + UUID.randomUUID(),
                "calendarId", desk.officeHours(admin, "Europe/Berlin"), "managers", List.of(team.manager().id()),
                "agents", List.of(team.manager().id()))).get("id");

        var bulk = api.as(agent.token()).post("/api/v1/desk/tickets/bulk", Map.of("ticketIds", List.of(ticket),
                "queueId", other));
        assertThat(outcomes(bulk.json())).containsExactly(ticket + " UPDATED null");
        var moved = api.as(team.manager().token()).get("/api/v1/desk/tickets/" + ticket).json();
        assertThat(moved.get("queueId").asString()).isEqualTo(other);
        assertThat(moved.has("assigneeId")).isFalse();
        assertThat(moved.get("sla").get("events").valueStream().filter(e -> "RETARGET".equals(e.get("type").asString()))
                .map(e -> e.get("reason").asString()).toList()).hasSize(2).allMatch(r -> r.startsWith("queue "));
        // the agent of the old queue no longer sees it
        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(404);
    }

    @Test
    void refusesAnInvalidBulkUpdateAsAWhole() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 201; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        var tooMany = api.as(agent.token()).post("/api/v1/desk/tickets/bulk", Map.of("ticketIds", ids,
                "status", "OPEN"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo("desk.invalid_bulk_update");
        var nothing = api.as(agent.token()).post("/api/v1/desk/tickets/bulk", Map.of("ticketIds", List.of(open())));
        assertThat(nothing.status()).isEqualTo(400);
        var badStatus = api.as(agent.token()).post("/api/v1/desk/tickets/bulk", Map.of("ticketIds", List.of(open()),
                "status", "DONE"));
        assertThat(badStatus.status()).isEqualTo(400);
    }

    static List<String> outcomes(JsonNode bulk) {
        return bulk.get("results").valueStream().map(r -> r.get("ticketId").asString() + " "
                + r.get("outcome").asString() + " " + (r.has("code") ? r.get("code").asString() : "null"))
                .toList();
    }
}
