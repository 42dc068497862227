package io.usher.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The desk's pages without a browser: who sees which ticket, what the requester's page hides, the forms. */
class DeskPagesIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String queue;
    String category;
    String ticket;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        queue = desk.queue(admin, team, desk.roundTheClock(admin));
        category = desk.category(admin, queue);
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Cannot download",
                "description", "The PDF link answers with an error page.", "categoryId", category));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ticket = created.get("id");
    }

    PageClient pages(DeskFixtures.Person person) {
        return new PageClient("http://localhost:" + port).withCookie("usher_at", person.token());
    }

    @Test
    void anotherRequestersTicketIsNotFoundOnEveryPageOfIt() {
        var own = pages(requester).get("/desk/tickets/" + ticket);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Cannot download").contains("The PDF link answers with an error page.");

        var stranger = pages(desk.person("nosy", Role.CUSTOMER));
        var otherAgent = pages(desk.team().agent());
        for (var outsider : List.of(stranger, otherAgent)) {
            assertThat(outsider.get("/desk").status()).isEqualTo(200);
            assertThat(outsider.get("/desk/tickets/" + ticket).status()).isEqualTo(404);
            assertThat(outsider.get("/desk/tickets/" + ticket + "/live").status()).isEqualTo(404);
            assertThat(outsider.get("/desk/tickets/" + ticket + "/rate?score=1").status()).isEqualTo(404);
            var comment = outsider.post("/desk/tickets/" + ticket + "/comments", Map.of("body", "Hello?"));
            assertThat(comment.status()).isEqualTo(404);
            assertThat(outsider.post("/desk/tickets/" + ticket + "/typing", Map.of()).status()).isEqualTo(404);
        }
        assertThat(api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket + "/comments").json().size())
                .as("nobody's comment got through").isZero();

        var anonymous = new PageClient("http://localhost:" + port).get("/desk/tickets/" + ticket);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).contains("/login?next=");
    }

    @Test
    void theRequesterSeesPublicRepliesAndAgentsSeeInternalNotesMarked() {
        var agent = team.agent();
        assertThat(api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Secret: the PDF service is down.", "visibility", "INTERNAL")).status()).isEqualTo(201);
        assertThat(api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "We are looking into it.", "visibility", "PUBLIC")).status()).isEqualTo(201);

        var requesterPage = pages(requester).get("/desk/tickets/" + ticket);
        assertThat(requesterPage.body()).contains("We are looking into it.").doesNotContain("Secret")
                .doesNotContain("Internal note").doesNotContain("name=\"visibility\"");
        var live = pages(requester).get("/desk/tickets/" + ticket + "/live");
        assertThat(live.body()).contains("We are looking into it.").doesNotContain("Secret");

        var agentPage = pages(agent).get("/desk/tickets/" + ticket);
        assertThat(agentPage.body()).contains("Secret: the PDF service is down.").contains("Internal note · agents only")
                .contains("value=\"INTERNAL\"").contains("Why this due time?").contains("Assigned to");

        var list = pages(requester).get("/desk");
        assertThat(list.body()).contains("Cannot download").contains(ticket);
    }

    @Test
    void repliesFromTheFormAndAgentsMoveTheTicket() {
        var requesterPages = pages(requester);
        requesterPages.get("/desk/tickets/" + ticket);
        var reply = requesterPages.post("/desk/tickets/" + ticket + "/comments",
                Map.of("body", "It still fails.", "visibility", "INTERNAL"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.body()).contains("Requesters write replies");
        reply = requesterPages.post("/desk/tickets/" + ticket + "/comments", Map.of("body", "It still fails."));
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).endsWith("/desk/tickets/" + ticket + "?notice=desk-reply-posted");

        var agentPages = pages(team.agent());
        agentPages.get("/desk/tickets/" + ticket);
        var skipped = agentPages.post("/desk/tickets/" + ticket + "/status", Map.of("status", "RESOLVED"));
        assertThat(skipped.location()).endsWith("/desk/tickets/" + ticket + "?error=desk.illegal_transition");
        var opened = agentPages.withHeader("HX-Request", "true").post("/desk/tickets/" + ticket + "/status",
                Map.of("status", "OPEN"));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("id=\"ticket-summary\"").contains("hx-swap-oob")
                .contains("The status is changed.").contains("changed the status from New to Open.");
        assertThat(api.as(requester.token()).get("/api/v1/desk/tickets/" + ticket).get("status")).isEqualTo("OPEN");
    }

    @Test
    void theNewTicketFormRendersTheCategorysCustomFieldsAndChecksThem() {
        var withFields = api.as(admin.token()).post("/api/v1/desk/admin/categories", Map.of(
                "name", "Orders " + java.util.UUID.randomUUID(), "defaultQueueId", queue, "fields", List.of(
                        Map.of("key", "order_number", "label", "Order number", "type", "NUMBER", "required", true),
                        Map.of("key", "channel", "label", "Bought at", "type", "SELECT", "required", false,
                                "options", List.of("Web", "Box office")))));
        assertThat(withFields.status()).as(withFields.toString()).isEqualTo(201);
        var id = withFields.get("id");

        var browser = pages(requester);
        var form = browser.get("/desk/new?categoryId=" + id);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Order number").contains("name=\"field.order_number\"")
                .contains("type=\"number\"").contains("Box office");

        var refused = browser.post("/desk/tickets", Map.of("categoryId", id, "subject", "Charged twice",
                "description", "My card was charged twice for one order.", "field.order_number", "abc"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("must be a number").contains("Charged twice");

        var opened = browser.post("/desk/tickets", Map.of("categoryId", id, "subject", "Charged twice",
                "description", "My card was charged twice for one order.", "field.order_number", "1042",
                "field.channel", "Web"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(302);
        assertThat(opened.location()).matches(".*/desk/tickets/[0-9a-f-]{36}\\?notice=desk-ticket-opened");
        var page = browser.get(opened.location().substring(opened.location().indexOf("/desk/")));
        assertThat(page.body()).contains("Your ticket is open.").contains("Order number").contains("1042");
    }

    @Test
    void theMailedRatingLinkOpensTheFormWithTheScoreChosenAndRatesOnlyWhenSent() {
        var agent = team.agent();
        for (var status : List.of("OPEN", "IN_PROGRESS")) {
            assertThat(api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/status",
                    Map.of("status", status)).status()).isEqualTo(200);
        }
        assertThat(api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/status",
                Map.of("status", "RESOLVED", "resolution", "Sent the PDF again.")).status()).isEqualTo(200);

        var browser = pages(requester);
        var link = browser.get("/desk/tickets/" + ticket + "/rate?score=4");
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.body()).containsPattern("value=\"4\"[^>]*checked").contains("How did we do?")
                .contains("Reopen the ticket");
        assertThat(api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").text())
                .as("opening the link rates nothing").doesNotContain("\"rating\"");

        var rated = browser.post("/desk/tickets/" + ticket + "/rating", Map.of("score", "4", "comment", "Quick."));
        assertThat(rated.location()).endsWith("/desk/tickets/" + ticket + "?notice=desk-rated");
        assertThat(browser.get("/desk/tickets/" + ticket).body()).contains("You rated the help 4 of 5.")
                .doesNotContain("How did we do?");
        var again = browser.post("/desk/tickets/" + ticket + "/rating", Map.of("score", "1"));
        assertThat(again.location()).endsWith("/desk/tickets/" + ticket + "?error=desk.already_rated");
    }
}
