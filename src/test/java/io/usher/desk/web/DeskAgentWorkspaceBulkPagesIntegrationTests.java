package io.usher.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.desk.DeskFixtures;
import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/**
 * The agent workspace's bulk form without a browser: ticked tickets changed through the bulk service, the answer a
 * redirect to the same view and filters with the outcome per ticket, and what is refused before any change.
 */
class DeskAgentWorkspaceBulkPagesIntegrationTests extends IntegrationTest {

    static final String FILTERED = "/desk/agent?view=all&priority=LOW&q=printer";

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String category;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester-rita", Role.CUSTOMER);
        category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
    }

    Map<String, String> open(String subject) {
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", subject,
                "description", "The printer prints nothing.", "categoryId", category, "priority", "LOW"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.of("id", created.get("id"), "number", created.get("number"));
    }

    String field(String ticketId, String name) {
        return api.as(admin.token()).get("/api/v1/desk/tickets/" + ticketId).get(name);
    }

    PageClient pages(DeskFixtures.Person person) {
        var client = new PageClient("http://localhost:" + port).withCookie("usher_at", person.token());
        client.get(FILTERED);
        return client;
    }

    static List<Map.Entry<String, String>> form(List<String> ticketIds, String... changes) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        ticketIds.forEach(id -> fields.add(Map.entry("ticketIds", id)));
        for (int i = 0; i < changes.length; i += 2) {
            fields.add(Map.entry(changes[i], changes[i + 1]));
        }
        fields.add(Map.entry("back", FILTERED));
        return fields;
    }


    @Test
    void showsACheckboxPerTicketAndTheBulkFormWithTheViewToReturnTo() {
        var ticket = open("Printer jams");

        var body = pages(team.agent()).get(FILTERED).body();
        assertThat(body).contains("action=\"/desk/agent/bulk\"").contains("name=\"_csrf\"")
                .contains("name=\"ticketIds\" value=\"" + ticket.get("id") + "\"")
                .contains("aria-label=\"Select " + ticket.get("number") + "\"")
                .contains("name=\"back\" value=\"/desk/agent?view=all&amp;priority=LOW&amp;q=printer\"")
                .contains("name=\"pageIds\" value=\"" + ticket.get("id") + "\"")
                .contains("<option value=\"me\">Me</option>").contains("Apply to selected")
                .contains("Apply to all 1 on this page");
    }

    @Test
    void updatesTheTickedTicketsAndReturnsToTheSameViewAndFilters() {
        var away = api.as(team.agent().token()).put("/api/v1/desk/me/availability", Map.of("away", true));
        assertThat(away.status()).isEqualTo(200);
        var first = open("Printer jams");
        var second = open("Printer smokes");
        assertThat(field(first.get("id"), "assigneeId")).isNull();
        var agent = pages(team.agent());

        var answer = agent.postForm("/desk/agent/bulk", form(List.of(first.get("id"), second.get("id")),
                "priority", "HIGH", "assigneeId", "me", "status", ""));

        assertThat(answer.location()).contains("/desk/agent?view=all&priority=LOW&q=printer&updated=2")
                .doesNotContain("refused");
        assertThat(agent.followed(answer)).contains("2 updated, 0 refused.")
                .contains("<option value=\"LOW\" selected=\"selected\">");
        for (var ticket : List.of(first, second)) {
            assertThat(field(ticket.get("id"), "priority")).isEqualTo("HIGH");
            assertThat(field(ticket.get("id"), "assigneeId")).isEqualTo(team.agent().id());
        }
    }

    @Test
    void appliesToEveryTicketOfThePageWithTheSecondButtonWhateverIsTicked() {
        var first = open("Printer jams");
        var second = open("Printer smokes");
        var agent = pages(team.agent());
        var fields = form(List.of(first.get("id")), "priority", "MEDIUM", "scope", "page");
        fields.add(Map.entry("pageIds", first.get("id")));
        fields.add(Map.entry("pageIds", second.get("id")));

        var answer = agent.postForm("/desk/agent/bulk", fields);

        assertThat(agent.followed(answer)).contains("2 updated, 0 refused.");
        assertThat(field(first.get("id"), "priority")).isEqualTo("MEDIUM");
        assertThat(field(second.get("id"), "priority")).isEqualTo("MEDIUM");
    }

    @Test
    void namesEachRefusedTicketWithItsReasonAndUpdatesTheOthers() {
        var closed = open("Printer jams");
        var fresh = open("Printer smokes");
        var close = api.as(team.agent().token()).post("/api/v1/desk/tickets/" + closed.get("id") + "/status",
                Map.of("status", "CLOSED"));
        assertThat(close.status()).as(close.toString()).isEqualTo(200);
        var agent = pages(team.agent());

        var answer = agent.postForm("/desk/agent/bulk", form(List.of(closed.get("id"), fresh.get("id")),
                "status", "OPEN"));

        assertThat(answer.location()).contains("updated=1")
                .contains("refused=" + closed.get("id") + "~desk.illegal_transition~CLOSED~OPEN");
        assertThat(agent.followed(answer)).contains("1 updated, 1 refused.")
                .contains(closed.get("number") + ": cannot go from CLOSED to OPEN");
        assertThat(field(fresh.get("id"), "status")).isEqualTo("OPEN");
        assertThat(field(closed.get("id"), "status")).isEqualTo("CLOSED");
    }

    @Test
    void asksForATicketWhenNoneIsTickedAndForAChangeWhenNoneIsChosen() {
        var ticket = open("Printer jams");
        var agent = pages(team.agent());

        var none = agent.postForm("/desk/agent/bulk", form(List.of(), "priority", "HIGH"));
        assertThat(none.location()).contains("view=all&priority=LOW&q=printer&error=desk-bulk-none-selected");
        assertThat(agent.followed(none)).contains("Select at least one ticket to change.");

        var nothing = agent.postForm("/desk/agent/bulk", form(List.of(ticket.get("id")), "priority", "",
                "assigneeId", "", "queueId", "", "status", "", "resolution", "Fixed"));
        assertThat(nothing.location()).contains("error=desk-bulk-no-change");
        assertThat(agent.followed(nothing)).contains("Choose at least one change");
        assertThat(field(ticket.get("id"), "priority")).isEqualTo("LOW");
        assertThat(field(ticket.get("id"), "status")).isEqualTo("NEW");

        // what the form never sends is refused as a whole, not quietly narrowed
        for (var crafted : List.of(form(List.of(ticket.get("id"), "not-a-ticket"), "priority", "HIGH"),
                form(List.of(ticket.get("id")), "priority", "HIGH", "assigneeId", "someone"),
                form(List.of(ticket.get("id")), "priority", "HIGH", "queueId", "elsewhere"))) {
            var refused = agent.postForm("/desk/agent/bulk", crafted);
            assertThat(refused.location()).contains("error=desk.invalid_bulk_update");
            assertThat(agent.followed(refused)).contains("That bulk change cannot be made");
        }
        assertThat(field(ticket.get("id"), "priority")).isEqualTo("LOW");
    }

    @Test
    void needsTheCsrfToken() {
        var ticket = open("Printer jams");

        var forged = pages(team.agent()).postWithoutCsrf("/desk/agent/bulk",
                Map.of("ticketIds", ticket.get("id"), "priority", "HIGH"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(field(ticket.get("id"), "priority")).isEqualTo("LOW");
    }

    @Test
    void requestersCannotPostItAndAgentsOfOtherQueuesChangeNothing() {
        var ticket = open("Printer jams");

        var customer = new PageClient("http://localhost:" + port).withCookie("usher_at", requester.token());
        customer.get("/desk");
        var refused = customer.postForm("/desk/agent/bulk", form(List.of(ticket.get("id")), "priority", "HIGH"));
        assertThat(refused.status()).isEqualTo(403);

        var otherTeam = desk.team();
        desk.category(admin, desk.queue(admin, otherTeam, desk.roundTheClock(admin)));
        var outsider = pages(otherTeam.agent());
        var answer = outsider.postForm("/desk/agent/bulk", form(List.of(ticket.get("id")), "priority", "HIGH"));
        assertThat(outsider.followed(answer)).contains("0 updated, 1 refused.")
                .contains("A ticket you cannot see: not found in a queue you work")
                .doesNotContain(ticket.get("number"));
        assertThat(field(ticket.get("id"), "priority")).isEqualTo("LOW");
    }
}
