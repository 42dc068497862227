package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

/**
 * The agent views over HTTP: who sees which queues' tickets, what each view holds, the filters, the SLA sort and
 * cursor paging. Every queue here is new, so assertions name this test's tickets even though the database is shared.
 */
class DeskAgentViewsIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Team otherTeam;
    DeskFixtures.Person requester;
    String calendar;
    String queue;
    String category;
    String otherQueue;
    String otherCategory;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        otherTeam = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        calendar = desk.roundTheClock(admin);
        queue = desk.queue(admin, team, calendar);
        category = desk.category(admin, queue);
        otherQueue = desk.queue(admin, otherTeam, calendar);
        otherCategory = desk.category(admin, otherQueue);
    }

    Api.Response open(DeskFixtures.Person who, String category, Object... more) {
        var body = new HashMap<String, Object>(Map.of("subject", "Cannot download my tickets",
                "description", "The PDF link answers with an error page.", "categoryId", category));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        var created = api.as(who.token()).post("/api/v1/desk/tickets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    Api.Response open(Object... more) {
        return open(requester, category, more);
    }

    Api.Response view(DeskFixtures.Person who, String view, String query) {
        return api.as(who.token()).get("/api/v1/desk/views/" + view + (query.isEmpty() ? "" : "?" + query));
    }

    /** The ticket numbers of a view's page, in order. */
    List<String> numbers(DeskFixtures.Person who, String view, String query) {
        var page = view(who, view, query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var numbers = new ArrayList<String>();
        page.json().get("rows").forEach(row -> numbers.add(row.get("number").asString()));
        return numbers;
    }

    void away(DeskFixtures.Person agent, boolean away) {
        var set = api.as(agent.token()).put("/api/v1/desk/me/availability", Map.of("away", away));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    void status(DeskFixtures.Person who, String ticket, String status, String... resolution) {
        var body = new HashMap<String, Object>(Map.of("status", status));
        if (resolution.length > 0) {
            body.put("resolution", resolution[0]);
        }
        var changed = api.as(who.token()).post("/api/v1/desk/tickets/" + ticket + "/status", body);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    @Test
    void anAgentSeesOnlyTheTicketsOfTheirQueuesAndAdministratorsSeeEveryQueue() {
        var mine = open().get("number");
        var theirs = open(requester, otherCategory).get("number");

        for (var view : List.of("mine", "unassigned", "breaching", "all")) {
            assertThat(numbers(team.agent(), view, "")).doesNotContain(theirs);
            assertThat(numbers(otherTeam.agent(), view, "")).doesNotContain(mine);
        }
        assertThat(numbers(team.agent(), "all", "")).containsExactly(mine);
        assertThat(numbers(team.manager(), "all", "")).containsExactly(mine);
        assertThat(numbers(otherTeam.agent(), "all", "")).containsExactly(theirs);
        // a queue filter cannot reach past the caller's queues
        assertThat(numbers(team.agent(), "all", "queueId=" + otherQueue)).isEmpty();

        assertThat(numbers(admin, "all", "queueId=" + queue)).containsExactly(mine);
        assertThat(numbers(admin, "all", "queueId=" + otherQueue)).containsExactly(theirs);
    }

    @Test
    void requestersAndOtherUsersHaveNoViewsAndCannotOpenTicketsOfQueuesTheyDoNotWork() {
        var ticket = open().get("id");
        var refused = view(requester, "mine", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("identity.forbidden");
        assertThat(view(desk.person("door", Role.DOOR_STAFF), "all", "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/desk/views/mine").status()).isEqualTo(401);

        var stranger = desk.person("stranger", Role.CUSTOMER);
        assertThat(api.as(stranger.token()).get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(404);
        assertThat(api.as(otherTeam.agent().token()).get("/api/v1/desk/tickets/" + ticket).status()).isEqualTo(404);
        // an agent in no queue at all has empty views
        assertThat(numbers(desk.person("new-agent", Role.AGENT), "all", "")).isEmpty();
    }

    @Test
    void mineHoldsTheCallersOpenTicketsAndUnassignedTheOpenOnesNobodyHas() {
        var assigned = open().json();
        assertThat(assigned.get("assigneeId").asString()).isEqualTo(team.agent().id());
        var resolved = open().get("id");
        away(team.agent(), true);
        var waiting = open().json();
        assertThat(waiting.get("assigneeId")).isNull();

        status(team.agent(), resolved, "OPEN");
        status(team.agent(), resolved, "IN_PROGRESS");
        status(team.agent(), resolved, "RESOLVED", "Sent a new link.");

        assertThat(numbers(team.agent(), "mine", "")).containsExactly(assigned.get("number").asString());
        assertThat(numbers(team.manager(), "mine", "")).isEmpty();
        assertThat(numbers(team.manager(), "unassigned", "")).containsExactly(waiting.get("number").asString());
        assertThat(numbers(team.agent(), "all", "")).hasSize(3);

        var row = view(team.agent(), "mine", "").json().get("rows").get(0);
        assertThat(row.get("id").asString()).isEqualTo(assigned.get("id").asString());
        assertThat(row.get("subject").asString()).isEqualTo("Cannot download my tickets");
        assertThat(row.get("status").asString()).isEqualTo("NEW");
        assertThat(row.get("priority").asString()).isEqualTo("MEDIUM");
        assertThat(row.get("queue").get("id").asString()).isEqualTo(queue);
        assertThat(row.get("queue").get("name").asString()).startsWith("Queue ");
        assertThat(row.get("assignee").get("id").asString()).isEqualTo(team.agent().id());
        assertThat(row.get("assignee").get("name").asString()).isEqualTo("desk-agent");
        assertThat(row.get("requester").get("id").asString()).isEqualTo(requester.id());
        assertThat(row.get("requester").get("name").asString()).isEqualTo("requester");
        assertThat(row.get("dueTarget").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(Instant.parse(row.get("due").asString()))
                .isEqualTo(Instant.parse(assigned.get("sla").get("firstResponse").get("due").asString()));
        assertThat(row.get("slaState").asString()).isEqualTo("ON_TRACK");
    }

    @Test
    void breachingHoldsRunningTimersDueWithinTheHorizonOrPastButNotPausedOrMetOnes() {
        var critical = open("priority", "CRITICAL").json(); // first response due in 30 min
        var low = open("priority", "LOW").json(); // due in 24 h
        var paused = open("priority", "CRITICAL").get("id");
        status(team.agent(), paused, "OPEN");
        status(team.agent(), paused, "ON_HOLD");
        var replied = open("priority", "HIGH").json(); // first response met below; resolution due in 8 h
        var reply = api.as(team.agent().token()).post("/api/v1/desk/tickets/" + replied.get("id").asString()
                + "/comments",
                Map.of("body", "We are on it.", "visibility", "PUBLIC"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        assertThat(numbers(team.agent(), "breaching", "")).containsExactly(critical.get("number").asString());
        var soon = view(team.agent(), "breaching", "").json();
        assertThat(soon.get("breachingHorizon").asString()).isEqualTo("PT2H");
        assertThat(soon.get("rows").get(0).get("slaState").asString()).isEqualTo("DUE_SOON");

        clock.advance(Duration.ofMinutes(45));
        var agent = desk.signInAgain(team.agent());
        var late = view(agent, "breaching", "").json().get("rows");
        assertThat(late).hasSize(1);
        assertThat(late.get(0).get("slaState").asString()).isEqualTo("BREACHED");

        clock.advance(Duration.ofHours(22));
        agent = desk.signInAgain(agent);
        // past: CRITICAL's first response (30 min) and HIGH's resolution (8 h); LOW's first response is due in 1 h 15
        assertThat(numbers(agent, "breaching", "")).containsExactly(number(critical), number(replied), number(low));
        var all = view(agent, "all", "").json().get("rows");
        var states = new HashMap<String, String>();
        all.forEach(row -> states.put(row.get("id").asString(), row.get("slaState").asString()));
        assertThat(states).containsEntry(paused, "PAUSED").containsEntry(replied.get("id").asString(), "BREACHED")
                .containsEntry(low.get("id").asString(), "DUE_SOON");
    }

    @Test
    void sortsBySlaDueThenNumberAndPagesWithACursorWithoutGapsOrRepeats() {
        var expected = new ArrayList<String>();
        var low = open("priority", "LOW").get("number");
        var critical = open("priority", "CRITICAL").get("number");
        var medium = open("priority", "MEDIUM").get("number");
        var high = open("priority", "HIGH").get("number");
        var high2 = open("priority", "HIGH").get("number");
        var onHold = open("priority", "CRITICAL").get("id");
        status(team.agent(), onHold, "OPEN");
        status(team.agent(), onHold, "ON_HOLD");
        expected.addAll(List.of(critical, high, high2, medium, low));

        var firstPage = view(team.agent(), "all", "limit=2").json();
        assertThat(firstPage.get("rows")).hasSize(2);
        var seen = new ArrayList<String>();
        JsonNode page = firstPage;
        int pages = 0;
        while (true) {
            page.get("rows").forEach(row -> seen.add(row.get("number").asString()));
            pages++;
            var cursor = page.get("nextCursor");
            if (cursor == null || cursor.isNull()) {
                break;
            }
            page = view(team.agent(), "all", "limit=2&cursor=" + cursor.asString()).json();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        // running timers by due time (ties by number), then the paused ticket, which has none
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(expected);
        assertThat(view(team.agent(), "all", "").json().get("rows").get(5).get("due")).isNull();
    }

    @Test
    void filtersByStatusPriorityQueueAssigneeCategoryRequesterAndText() {
        var agent = team.agent();
        var secondAgent = desk.person("second-agent", Role.AGENT);
        assertThat(api.as(team.manager().token()).post("/api/v1/organizations/" + team.organizationId() + "/members",
                Map.of("email", secondAgent.email())).status()).isEqualTo(200);
        var queueTwo = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "Queue " + UUID.randomUUID(), "calendarId", calendar,
                "managers", List.of(team.manager().id()), "agents", List.of(agent.id(), secondAgent.id())));
        assertThat(queueTwo.status()).as(queueTwo.toString()).isEqualTo(201);
        var categoryTwo = desk.category(admin, queueTwo.get("id"));
        var sub = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of("name", "Sub " + UUID.randomUUID(),
                "parentId", category));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(201);
        var otherRequester = desk.person("other-requester", Role.CUSTOMER);

        var refund = open("subject", "Refund for 100% of the order").json();
        var high = open("priority", "HIGH", "subcategoryId", sub.get("id")).json();
        var inTwo = open(otherRequester, categoryTwo).json();
        var inTwoAgain = open(otherRequester, categoryTwo).json();
        status(agent, high.get("id").asString(), "OPEN");
        var assignedToSecond = inTwo.get("assigneeId").asString().equals(secondAgent.id()) ? inTwo : inTwoAgain;

        assertThat(numbers(agent, "all", "status=OPEN")).containsExactly(number(high));
        assertThat(numbers(agent, "all", "status=OPEN,NEW")).hasSize(4);
        assertThat(numbers(agent, "all", "status=open&status=new")).hasSize(4);
        assertThat(numbers(agent, "all", "priority=HIGH")).containsExactly(number(high));
        assertThat(numbers(agent, "all", "queueId=" + queueTwo.get("id"))).containsExactlyInAnyOrder(number(inTwo),
                number(inTwoAgain));
        assertThat(numbers(agent, "all", "assigneeId=" + secondAgent.id())).containsExactly(number(assignedToSecond));
        assertThat(numbers(agent, "all", "categoryId=" + categoryTwo)).hasSize(2);
        assertThat(numbers(agent, "all", "categoryId=" + sub.get("id"))).containsExactly(number(high));
        assertThat(numbers(agent, "all", "categoryId=" + category)).containsExactlyInAnyOrder(number(refund),
                number(high));
        assertThat(numbers(agent, "all", "requesterId=" + otherRequester.id())).hasSize(2);
        assertThat(numbers(agent, "all", "q=REFUND")).containsExactly(number(refund));
        assertThat(numbers(agent, "all", "q=100%25")).containsExactly(number(refund));
        assertThat(numbers(agent, "all", "q=1%25%25")).isEmpty(); // % is a character, not a wildcard
        var digits = number(inTwo).substring(number(inTwo).length() - 6);
        assertThat(numbers(agent, "all", "q=" + digits)).containsExactly(number(inTwo));
        // filters narrow every view, and combine
        assertThat(numbers(agent, "mine", "priority=HIGH&status=OPEN")).containsExactly(number(high));
        assertThat(numbers(agent, "mine", "priority=LOW")).isEmpty();
        assertThat(numbers(secondAgent, "mine", "")).containsExactly(number(assignedToSecond));
        assertThat(numbers(secondAgent, "all", "")).doesNotContain(number(refund), number(high));
    }

    @Test
    void refusesUnknownViewsAndBadFiltersNamingEachField() {
        var unknown = view(team.agent(), "everything", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("desk.view_not_found");

        var bad = view(team.agent(), "all", "status=DONE&priority=URGENT&queueId=7&limit=0&cursor=nonsense");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("desk.invalid_view");
        var fields = new ArrayList<String>();
        bad.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("status", "priority", "queueId", "limit", "cursor");
        assertThat(view(team.agent(), "all", "limit=101").code()).isEqualTo("desk.invalid_view");
        assertThat(view(team.agent(), "all", "limit=ten").code()).isEqualTo("desk.invalid_view");
    }

    static String number(JsonNode ticket) {
        return ticket.get("number").asString();
    }
}
