package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.UserId;
import io.usher.support.Api;
import tools.jackson.databind.JsonNode;

class DeskTicketsIntegrationTests extends DeskIntegrationTest {

    @Autowired
    Tickets tickets;

    Map<String, Object> ticket(Object... more) {
        var body = new HashMap<String, Object>(Map.of("subject", "Cannot download my tickets",
                "description", "The PDF link answers with an error page.", "categoryId", category));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    Api.Response open(Object... more) {
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", ticket(more));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    static CurrentUser as(DeskFixtures.Person person, Role... roles) {
        return new CurrentUser(new UserId(UUID.fromString(person.id())), person.email(), java.util.Set.of(roles),
                UUID.randomUUID());
    }

    @Test
    void findsATicketByItsNumberOnlyForThoseWhoMaySeeIt() {
        var created = open();
        var id = UUID.fromString(created.get("id"));
        var number = created.get("number");

        assertThat(tickets.idOf(as(requester, Role.CUSTOMER), number)).contains(id);
        assertThat(tickets.idOf(as(agent, Role.AGENT), " " + number.toLowerCase() + " ")).contains(id);
        assertThat(tickets.idOf(as(desk.person("nosy", Role.CUSTOMER), Role.CUSTOMER), number)).isEmpty();
        assertThat(tickets.idOf(as(desk.team().agent(), Role.AGENT), number)).as("another team's agent").isEmpty();
        assertThat(tickets.idOf(as(agent, Role.AGENT), "TKT-1999-999999")).isEmpty();
        assertThat(tickets.idOf(as(agent, Role.AGENT), " ")).isEmpty();
    }

    /** Moves the clock; everyone signs in again, since access tokens live shorter than the jumps. */
    void advance(Duration by) {
        clock.advance(by);
        requester = desk.signInAgain(requester);
        agent = desk.signInAgain(agent);
    }

    Api.Response status(DeskFixtures.Person who, String ticket, String status, String... resolution) {
        var body = new HashMap<String, Object>(Map.of("status", status));
        if (resolution.length > 0) {
            body.put("resolution", resolution[0]);
        }
        return api.as(who.token()).post("/api/v1/desk/tickets/" + ticket + "/status", body);
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void opensATicketNumberedAndRoutedWithItsSlaDueTimes() {
        var created = open("impact", "MAJOR", "urgency", "HIGH");
        var json = created.json();
        var year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        assertThat(json.get("number").asString()).matches("TKT-" + year + "-\\d{6}");
        assertThat(json.get("status").asString()).isEqualTo("NEW");
        assertThat(json.get("queueId").asString()).isEqualTo(queue);
        assertThat(json.get("priority").asString()).isEqualTo("HIGH");
        assertThat(json.get("requesterId").asString()).isEqualTo(requester.id());
        var createdAt = instant(json.get("createdAt"));
        var sla = json.get("sla");
        assertThat(instant(sla.get("firstResponse").get("due"))).isEqualTo(createdAt.plus(Duration.ofMinutes(120)));
        assertThat(instant(sla.get("resolution").get("due"))).isEqualTo(createdAt.plus(Duration.ofMinutes(480)));
        assertThat(sla.get("resolution").get("status").asString()).isEqualTo("RUNNING");
        assertThat(sla.get("resolution").get("explanation").asString())
                .contains("with 480 business minutes (HIGH)").contains("open around the clock UTC");
        assertThat(sla.get("events").valueStream().map(e -> e.get("target").asString() + " " + e.get("type").asString()))
                .containsExactly("FIRST_RESPONSE START", "RESOLUTION START");
        assertThat(created.header("Location")).endsWith("/api/v1/desk/tickets/" + json.get("id").asString());
    }

    @Test
    void derivesPriorityFromImpactAndUrgencyUnlessGiven() {
        assertThat(open().get("priority")).isEqualTo("MEDIUM");
        assertThat(open("impact", "MINOR", "urgency", "LOW").get("priority")).isEqualTo("LOW");
        assertThat(open("impact", "CRITICAL", "urgency", "IMMEDIATE").get("priority")).isEqualTo("CRITICAL");
        assertThat(open("impact", "MINOR", "urgency", "LOW", "priority", "HIGH").get("priority")).isEqualTo("HIGH");
        var critical = open("priority", "CRITICAL").json();
        assertThat(instant(critical.get("sla").get("firstResponse").get("due")))
                .isEqualTo(instant(critical.get("createdAt")).plus(Duration.ofMinutes(30)));
    }

    @Test
    void refusesAnInvalidTicketNamingEachField() {
        var refused = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Help", "description",
                "short", "impact", "HUGE"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("desk.invalid_ticket");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("subject", "description", "categoryId", "impact");

        var otherCategory = desk.category(admin, queue);
        var sub = api.as(admin.token()).post("/api/v1/desk/admin/categories",
                Map.of("name", "Sub", "parentId", otherCategory));
        var mismatched = api.as(requester.token()).post("/api/v1/desk/tickets", ticket("subcategoryId", sub.get("id")));
        assertThat(fields(mismatched.json())).containsExactly("subcategoryId");
    }

    @Test
    void checksTheCustomFieldsOfTheCategoryAndSubcategoryAndRoutesToTheSubcategorysQueue() {
        var otherQueue = desk.queue(admin, team, desk.roundTheClock(admin));
        var withFields = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of(
                "name", "Orders " + UUID.randomUUID(), "defaultQueueId", queue,
                "fields", List.of(Map.of("key", "order_ref", "label", "Order", "type", "TEXT", "required", true))));
        var sub = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of(
                "name", "Refund", "parentId", withFields.get("id"), "defaultQueueId", otherQueue,
                "fields", List.of(Map.of("key", "amount", "label", "Amount", "type", "NUMBER", "required", true))));
        var missing = api.as(requester.token()).post("/api/v1/desk/tickets",
                ticket("categoryId", withFields.get("id"), "subcategoryId", sub.get("id"),
                        "customFields", Map.of("amount", "lots")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("desk.invalid_custom_fields");
        assertThat(fields(missing.json())).containsExactlyInAnyOrder("customFields.order_ref", "customFields.amount");

        var created = open("categoryId", withFields.get("id"), "subcategoryId", sub.get("id"),
                "customFields", Map.of("order_ref", " A-17 ", "amount", 12));
        assertThat(created.get("queueId")).isEqualTo(otherQueue);
        assertThat(created.json().get("customFields").get("order_ref").asString()).isEqualTo("A-17");
        assertThat(created.json().get("customFields").get("amount").asInt()).isEqualTo(12);
    }

    @Test
    void numbersTicketsWithoutGapsUnderConcurrentCreation() throws Exception {
        int count = 24;
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> api.as(requester.token()).post("/api/v1/desk/tickets", ticket()));
        }
        List<Integer> sequence;
        try (var pool = Executors.newFixedThreadPool(12)) {
            var numbers = new ArrayList<String>();
            for (var future : pool.invokeAll(tasks)) {
                var response = future.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                numbers.add(response.get("number"));
            }
            assertThat(numbers).doesNotHaveDuplicates();
            sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
        }
        for (int i = 1; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("no gap after %d", sequence.get(i - 1)).isEqualTo(sequence.get(i - 1) + 1);
        }
    }

    @Test
    void enforcesTheStatusMatrixNamingTheAllowedStatuses() {
        var ticket = open().get("id");
        var illegal = status(agent, ticket, "RESOLVED", "Fixed");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.code()).isEqualTo("desk.illegal_transition");
        assertThat(illegal.json().get("allowed").valueStream().map(JsonNode::asString)).containsExactly("OPEN", "CLOSED");
        assertThat(illegal.get("detail")).contains("NEW").contains("RESOLVED").contains("[OPEN, CLOSED]");

        assertThat(status(agent, ticket, "OPEN").status()).isEqualTo(200);
        assertThat(status(agent, ticket, "IN_PROGRESS").status()).isEqualTo(200);
        var withoutResolution = status(agent, ticket, "RESOLVED");
        assertThat(withoutResolution.status()).isEqualTo(400);
        assertThat(fields(withoutResolution.json())).containsExactly("resolution");
        var resolved = status(agent, ticket, "RESOLVED", "Re-sent the PDF.");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.get("resolution")).isEqualTo("Re-sent the PDF.");
        assertThat(resolved.json().get("sla").get("resolution").get("status").asString()).isEqualTo("MET");
        assertThat(resolved.json().get("sla").get("resolution").has("due")).isFalse();
        assertThat(status(agent, ticket, "IN_PROGRESS").status()).isEqualTo(409);
    }

    @Test
    void onHoldPausesTheTimersAndResumingMovesTheDueTime() {
        var created = open("priority", "HIGH").json();
        var ticket = created.get("id").asString();
        var createdAt = instant(created.get("createdAt"));
        advance(Duration.ofMinutes(30));
        status(agent, ticket, "OPEN");
        var onHold = status(agent, ticket, "ON_HOLD");
        assertThat(onHold.json().get("sla").get("resolution").get("status").asString()).isEqualTo("PAUSED");
        assertThat(onHold.json().get("sla").get("resolution").get("consumedMinutes").asLong()).isEqualTo(30);

        advance(Duration.ofHours(2));
        var resumed = status(agent, ticket, "IN_PROGRESS").json();
        var resolution = resumed.get("sla").get("resolution");
        // 480 minutes of which 30 before the pause: due 450 minutes after the pause ended, two hours later than at first.
        assertThat(instant(resolution.get("due"))).isCloseTo(createdAt.plus(Duration.ofMinutes(600)),
                org.assertj.core.api.Assertions.within(2, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(resolution.get("explanation").asString()).contains("while ON_HOLD");
        assertThat(resumed.get("sla").get("events").valueStream().map(e -> e.get("type").asString()).toList())
                .containsSubsequence("START", "START", "PAUSE", "PAUSE", "RESUME", "RESUME");
    }

    @Test
    void aPriorityChangeRetargetsTheTimers() {
        var created = open("priority", "HIGH").json();
        var ticket = created.get("id").asString();
        var changed = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/priority",
                Map.of("priority", "CRITICAL"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var sla = changed.json().get("sla");
        assertThat(sla.get("resolution").get("targetMinutes").asLong()).isEqualTo(240);
        assertThat(sla.get("firstResponse").get("targetMinutes").asLong()).isEqualTo(30);
        assertThat(instant(sla.get("resolution").get("due")))
                .isBefore(instant(created.get("sla").get("resolution").get("due")));
        assertThat(sla.get("events").valueStream().filter(e -> e.get("type").asString().equals("RETARGET"))
                .map(e -> e.get("reason").asString())).containsExactly("HIGH → CRITICAL", "HIGH → CRITICAL");

        var byRequester = api.as(requester.token()).post("/api/v1/desk/tickets/" + ticket + "/priority",
                Map.of("priority", "LOW"));
        assertThat(byRequester.status()).isEqualTo(403);
        assertThat(byRequester.code()).isEqualTo("desk.not_an_agent_of_the_queue");
    }

    @Test
    void requestersSeeOnlyTheirOwnTicketsAndAgentsOnlyTheirQueues() {
        var ticket = open().get("id");
        assertThat(api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(200);
        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(200);
        assertThat(api.as(admin.token()).get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(200);

        var stranger = desk.person("stranger", Role.CUSTOMER);
        var otherTeam = desk.team();
        for (var outsider : List.of(stranger, otherTeam.agent())) {
            var hidden = api.as(outsider.token()).get("/api/v1/desk/tickets/" + ticket);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.code()).isEqualTo("desk.ticket_not_found");
            assertThat(status(outsider, ticket, "OPEN").status()).isEqualTo(404);
        }
        assertThat(api.as(stranger.token()).get("/api/v1/desk/tickets/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(401);
    }

    @Test
    void requestersMayOnlyReopenTheirTicketsWithinFourteenDaysOfResolution() {
        var ticket = open().get("id");
        var refused = status(requester, ticket, "OPEN");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("desk.requester_may_only_reopen");
        status(agent, ticket, "OPEN");
        status(agent, ticket, "IN_PROGRESS");
        status(agent, ticket, "RESOLVED", "Done.");
        advance(Duration.ofDays(13));
        var reopened = status(requester, ticket, "REOPENED");
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().get("sla").get("resolution").get("status").asString()).isEqualTo("RUNNING");
        assertThat(reopened.json().get("sla").get("firstResponse").get("status").asString()).isEqualTo("MET");

        status(agent, ticket, "IN_PROGRESS");
        status(agent, ticket, "RESOLVED", "Done again.");
        advance(Duration.ofDays(15));
        var late = status(requester, ticket, "REOPENED");
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.code()).isEqualTo("desk.reopen_window_passed");
    }

    @Test
    void keepsTheDescriptionAsWrittenAndShowsItSanitized() {
        var created = open("description", "**Broken** <script>alert(1)</script> [link](javascript:alert(2))");
        assertThat(created.get("description")).contains("<script>");
        assertThat(created.get("descriptionHtml")).contains("<strong>Broken</strong>").doesNotContain("<script")
                .doesNotContain("javascript:");
    }

    @Test
    void documentsTheDeskEndpointsWithTheirErrors() {
        var paths = api.get("/v3/api-docs").json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/desk/tickets", "/api/v1/desk/tickets/{id}",
                "/api/v1/desk/tickets/{id}/status", "/api/v1/desk/admin/calendars",
                "/api/v1/desk/admin/calendars/{id}/holidays/ical", "/api/v1/desk/admin/queues",
                "/api/v1/desk/admin/categories", "/api/v1/desk/admin/sla-policies");
        var status = paths.get("/api/v1/desk/tickets/{id}/status").get("post").get("responses");
        assertThat(status.get("409").get("description").asString()).contains("desk.illegal_transition");
        assertThat(status.get("404").get("description").asString()).contains("desk.ticket_not_found");
    }
}
