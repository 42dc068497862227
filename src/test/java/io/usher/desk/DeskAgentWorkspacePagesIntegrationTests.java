package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** The agent workspace page without a browser: the views as a table, the filter form, htmx swaps, who may open it. */
class DeskAgentWorkspacePagesIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String queue;
    String category;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester-rita", Role.CUSTOMER);
        queue = desk.queue(admin, team, desk.roundTheClock(admin));
        category = desk.category(admin, queue);
    }

    Map<String, String> open(String subject, String priority) {
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", subject,
                "description", "The PDF link answers with an error page.", "categoryId", category,
                "priority", priority));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.of("id", created.get("id"), "number", created.get("number"));
    }

    PageClient signedIn(DeskFixtures.Person person) {
        return new PageClient("http://localhost:" + port).withCookie("usher_at", person.token());
    }

    @Test
    void showsTheAgentsTicketsSoonestDueFirstWithLinksToEachTicket() {
        var low = open("Printer on fire again", "LOW");
        var critical = open("Payment page is down", "CRITICAL");

        var page = signedIn(team.agent()).get("/desk/agent");
        assertThat(page.status()).isEqualTo(200);
        var body = page.body();
        assertThat(body).contains("<h1>Tickets</h1>").contains("aria-current=\"page\"").contains(">Desk</a>")
                .contains("href=\"/desk/tickets/" + critical.get("id") + "\"")
                .contains("href=\"/desk/tickets/" + low.get("id") + "\"")
                .contains(">requester-rita<").contains("Due soon").contains("On track");
        assertThat(body.indexOf(critical.get("number"))).isLessThan(body.indexOf(low.get("number")));
    }

    @Test
    void filtersWithAGetFormAndAnswersHtmxWithTheTableOnly() {
        var low = open("Printer on fire again", "LOW");
        var critical = open("Payment page is down", "CRITICAL");
        var agent = signedIn(team.agent());

        var filtered = agent.get("/desk/agent?view=all&priority=LOW&q=printer");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).contains(low.get("number")).doesNotContain(critical.get("number"))
                .contains("<option value=\"LOW\" selected=\"selected\">");

        var fragment = agent.withHeader("HX-Request", "true").get("/desk/agent?view=breaching");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"agent-results\"")
                .contains(critical.get("number")).doesNotContain(low.get("number"));
    }

    @Test
    void explainsBadFiltersOnThePage() {
        var page = signedIn(team.agent()).get("/desk/agent?view=all&status=DONE");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("These filters cannot be used").contains("status must be one of");
        assertThat(signedIn(team.agent()).get("/desk/agent?view=everything").status()).isEqualTo(404);
    }

    @Test
    void isForAgentsManagersAndAdministratorsOnly() {
        assertThat(signedIn(team.manager()).get("/desk/agent").status()).isEqualTo(200);
        assertThat(signedIn(admin).get("/desk/agent?view=all").status()).isEqualTo(200);
        var customer = signedIn(requester).get("/desk/agent");
        assertThat(customer.status()).isEqualTo(403);
        assertThat(signedIn(requester).get("/").body()).doesNotContain("href=\"/desk/agent\"");
        assertThat(new PageClient("http://localhost:" + port).get("/desk/agent").location()).contains("/login?next=");
    }
}
