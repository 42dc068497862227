package io.usher.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The ticket page's forms for watchers, tags, links and merging, without a browser: who sees and may use which, and
 * each refusal shown as the page's message.
 */
class DeskTicketRelationPagesIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String category;
    String ticket;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        ticket = open(requester, category, "Cannot download");
    }

    String open(DeskFixtures.Person who, String categoryId, String subject) {
        var created = api.as(who.token()).post("/api/v1/desk/tickets", Map.of("subject", subject,
                "description", "The PDF link answers with an error page.", "categoryId", categoryId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    String number(String id) {
        return api.as(admin.token()).get("/api/v1/desk/tickets/" + id).get("number");
    }

    PageClient pages(DeskFixtures.Person person) {
        var client = new PageClient("http://localhost:" + port).withCookie("usher_at", person.token());
        client.get("/desk/tickets/" + ticket);
        return client;
    }


    @Test
    void anyoneWhoSeesTheTicketWatchesItAndAgentsAddAndRemoveOthersByEmail() {
        var requesterPages = pages(requester);
        var watched = requesterPages.post("/desk/tickets/" + ticket + "/watchers", Map.of());
        assertThat(watched.location()).endsWith("?notice=desk-watching");
        assertThat(requesterPages.followed(watched)).contains("You are watching the ticket")
                .contains("Stop watching").doesNotContain("Add a watcher by e-mail");

        var agentPages = pages(team.agent());
        var added = agentPages.post("/desk/tickets/" + ticket + "/watchers", Map.of("email", team.manager().email()));
        assertThat(added.location()).endsWith("?notice=desk-watcher-added");
        assertThat(agentPages.followed(added)).contains("The watcher is added.").contains(team.manager().email())
                .contains(requester.email()).contains("Add a watcher by e-mail").contains(">Watch<");

        var stranger = desk.person("stranger", Role.CUSTOMER);
        for (var email : new String[] {stranger.email(), "nobody-" + java.util.UUID.randomUUID() + "@example.test"}) {
            var refused = agentPages.post("/desk/tickets/" + ticket + "/watchers", Map.of("email", email));
            assertThat(refused.location()).endsWith("?error=desk.watcher_cannot_see_ticket");
            assertThat(agentPages.followed(refused)).contains("Only people who may see the ticket watch it");
        }

        // the requester sees watchers by name, never their addresses, and adds nobody
        var requesterPage = requesterPages.get("/desk/tickets/" + ticket).body();
        assertThat(requesterPage).contains("Watchers").doesNotContain(team.manager().email())
                .doesNotContain("Add a watcher by e-mail").doesNotContain("Remove");
        var notTheirs = requesterPages.post("/desk/tickets/" + ticket + "/watchers",
                Map.of("email", team.manager().email()));
        assertThat(notTheirs.location()).endsWith("?error=desk.not_an_agent_of_the_queue");
        var removeOther = requesterPages.post("/desk/tickets/" + ticket + "/watchers/remove",
                Map.of("userId", team.manager().id()));
        assertThat(requesterPages.followed(removeOther)).contains("Only the agents of the ticket&#39;s queue can do that.");

        var removed = agentPages.post("/desk/tickets/" + ticket + "/watchers/remove",
                Map.of("userId", requester.id()));
        assertThat(removed.location()).endsWith("?notice=desk-watcher-removed");
        var unwatched = requesterPages.post("/desk/tickets/" + ticket + "/watchers/remove", Map.of());
        assertThat(unwatched.location()).endsWith("?notice=desk-not-watching");
        var watchers = api.as(admin.token()).get("/api/v1/desk/tickets/" + ticket + "/relations").json()
                .get("watchers");
        assertThat(watchers.size()).isEqualTo(1);
        assertThat(watchers.get(0).get("userId").asText()).isEqualTo(team.manager().id());
        assertThat(agentPages.get("/desk/tickets/" + ticket).body()).contains("added")
                .contains("as a watcher.");
    }

    @Test
    void agentsEditTheTagsInOneFieldWithinTheLimitsAndRequestersNeverSeeThem() {
        var agentPages = pages(team.agent());
        var saved = agentPages.post("/desk/tickets/" + ticket + "/tags", Map.of("tags", "Billing, refund ,, VIP  Guest,"));
        assertThat(saved.location()).endsWith("?notice=desk-tags-saved");
        assertThat(agentPages.followed(saved)).contains("The tags are saved.")
                .contains("value=\"billing, refund, vip guest\"").contains("tagged it");

        var many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append("tag").append(i).append(',');
        }
        var tooMany = agentPages.post("/desk/tickets/" + ticket + "/tags", Map.of("tags", many.toString()));
        assertThat(agentPages.followed(tooMany)).contains("A ticket has at most 20 tags.");
        var tooLong = agentPages.post("/desk/tickets/" + ticket + "/tags", Map.of("tags", "x".repeat(51)));
        assertThat(tooLong.location()).endsWith("?error=desk.invalid_tags");
        assertThat(agentPages.followed(tooLong)).contains("Each tag needs at most 50 characters.");

        var htmx = agentPages.withHeader("HX-Request", "true").post("/desk/tickets/" + ticket + "/tags",
                Map.of("tags", "billing"));
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"ticket-summary\"").contains("hx-swap-oob")
                .contains("The tags are saved.").contains("removed the tag");

        var requesterPages = pages(requester);
        assertThat(requesterPages.get("/desk/tickets/" + ticket).body()).doesNotContain("billing")
                .doesNotContain("Tags").doesNotContain("tagged");
        var refused = requesterPages.post("/desk/tickets/" + ticket + "/tags", Map.of("tags", "urgent"));
        assertThat(refused.location()).endsWith("?error=desk.not_an_agent_of_the_queue");
        assertThat(api.as(admin.token()).get("/api/v1/desk/tickets/" + ticket + "/relations").json().get("tags")
                .toString()).isEqualTo("[\"billing\"]");
    }

    @Test
    void agentsLinkTicketsByNumberAndRemoveTheLinks() {
        var other = open(requester, category, "Invoice missing");
        var agentPages = pages(team.agent());
        var linked = agentPages.post("/desk/tickets/" + ticket + "/links",
                Map.of("type", "BLOCKS", "number", " " + number(other).toLowerCase() + " "));
        assertThat(linked.location()).endsWith("?notice=desk-linked");
        assertThat(agentPages.followed(linked)).contains("The tickets are linked.").contains("Blocks")
                .contains("href=\"/desk/tickets/" + other + "\"").contains(number(other)).contains("Invoice missing")
                .contains("(New)");
        assertThat(agentPages.get("/desk/tickets/" + other).body()).contains("Blocked by").contains(number(ticket));

        var self = agentPages.post("/desk/tickets/" + ticket + "/links", Map.of("type", "RELATED",
                "number", number(ticket)));
        assertThat(agentPages.followed(self)).contains("A ticket is not linked to itself.");
        var unknown = agentPages.post("/desk/tickets/" + ticket + "/links", Map.of("type", "RELATED",
                "number", "TKT-1999-999999"));
        assertThat(agentPages.followed(unknown)).contains("No ticket with that number is in a queue you work");
        var elsewhere = desk.category(admin, desk.queue(admin, desk.team(), desk.roundTheClock(admin)));
        var unseen = agentPages.post("/desk/tickets/" + ticket + "/links", Map.of("type", "RELATED",
                "number", number(open(requester, elsewhere, "Elsewhere"))));
        assertThat(unseen.location()).endsWith("?error=desk-unknown-ticket-number");
        var badType = agentPages.post("/desk/tickets/" + ticket + "/links", Map.of("type", "HAS_DUPLICATE",
                "number", number(other)));
        assertThat(agentPages.followed(badType)).contains("Choose how the tickets are linked.");

        var requesterPages = pages(requester);
        assertThat(requesterPages.get("/desk/tickets/" + ticket).body()).doesNotContain("Invoice missing")
                .doesNotContain("Linked tickets").doesNotContain("Merge into");
        var refused = requesterPages.post("/desk/tickets/" + ticket + "/links", Map.of("type", "RELATED",
                "number", number(other)));
        assertThat(refused.location()).endsWith("?error=desk-unknown-ticket-number");

        var removed = agentPages.post("/desk/tickets/" + ticket + "/links/remove",
                Map.of("type", "BLOCKS", "ticketId", other));
        assertThat(removed.location()).endsWith("?notice=desk-unlinked");
        assertThat(agentPages.followed(removed)).contains("No linked tickets.");
    }

    @Test
    void agentsMergeADuplicateAfterConfirmingAndLandOnTheTicketMergedInto() {
        var into = open(requester, category, "Download broken");
        var agentPages = pages(team.agent());
        var unconfirmed = agentPages.post("/desk/tickets/" + ticket + "/merge", Map.of("into", number(into)));
        assertThat(agentPages.followed(unconfirmed)).contains("Tick the box to confirm the merge");
        var itself = agentPages.post("/desk/tickets/" + ticket + "/merge",
                Map.of("into", number(ticket), "confirm", "yes"));
        assertThat(agentPages.followed(itself)).contains("A ticket is not merged into itself.");

        var closed = open(requester, category, "Old one");
        assertThat(api.as(team.agent().token()).post("/api/v1/desk/tickets/" + closed + "/status",
                Map.of("status", "CLOSED")).status()).isEqualTo(200);
        var intoClosed = agentPages.post("/desk/tickets/" + ticket + "/merge",
                Map.of("into", number(closed), "confirm", "yes"));
        assertThat(intoClosed.location()).endsWith("?error=desk.merge_into_closed");
        assertThat(agentPages.followed(intoClosed)).contains("That ticket is closed");
        var closedDuplicate = agentPages.post("/desk/tickets/" + closed + "/merge",
                Map.of("into", number(into), "confirm", "yes"));
        assertThat(closedDuplicate.location()).endsWith("?error=desk.illegal_transition");
        var elsewhere = desk.category(admin, desk.queue(admin, desk.team(), desk.roundTheClock(admin)));
        var unseen = agentPages.post("/desk/tickets/" + ticket + "/merge",
                Map.of("into", number(open(requester, elsewhere, "Elsewhere")), "confirm", "yes"));
        assertThat(agentPages.followed(unseen)).contains("No ticket with that number is in a queue you work");

        var merged = agentPages.post("/desk/tickets/" + ticket + "/merge",
                Map.of("into", number(into).toLowerCase(), "confirm", "yes"));
        assertThat(merged.location()).endsWith("/desk/tickets/" + into + "?notice=desk-merged");
        assertThat(agentPages.followed(merged)).contains("The duplicate is merged into this ticket and closed.")
                .contains("merged " + number(ticket) + " into this ticket.").contains("Has duplicate");
        assertThat(api.as(admin.token()).get("/api/v1/desk/tickets/" + ticket).get("status")).isEqualTo("CLOSED");

        var requesterPages = pages(requester);
        var refused = requesterPages.post("/desk/tickets/" + into + "/merge",
                Map.of("into", number(ticket), "confirm", "yes"));
        assertThat(refused.location()).endsWith("?error=desk-unknown-ticket-number");
    }

    @Test
    void outsidersGetNotFoundAndFormsNeedTheCsrfToken() {
        var outsider = desk.person("nosy", Role.CUSTOMER);
        var client = new PageClient("http://localhost:" + port).withCookie("usher_at", outsider.token());
        client.get("/desk");
        var other = open(requester, category, "Invoice missing");
        for (var form : Map.of("/watchers", Map.<String, String>of(), "/watchers/remove", Map.<String, String>of(),
                "/tags", Map.of("tags", "x"), "/links", Map.of("type", "RELATED", "number", number(other)),
                "/links/remove", Map.of("type", "RELATED", "ticketId", other),
                "/merge", Map.of("into", number(other), "confirm", "yes")).entrySet()) {
            assertThat(client.post("/desk/tickets/" + ticket + form.getKey(), form.getValue()).status())
                    .as(form.getKey()).isEqualTo(404);
        }
        var otherAgent = new PageClient("http://localhost:" + port).withCookie("usher_at", desk.team().agent().token());
        otherAgent.get("/desk");
        assertThat(otherAgent.post("/desk/tickets/" + ticket + "/watchers", Map.of()).status()).isEqualTo(404);

        var agentPages = pages(team.agent());
        for (var path : new String[] {"/watchers", "/tags", "/links", "/merge"}) {
            assertThat(agentPages.postWithoutCsrf("/desk/tickets/" + ticket + path, Map.of("tags", "x",
                    "number", number(other), "into", number(other), "confirm", "yes")).status()).as(path)
                    .isEqualTo(403);
        }
        assertThat(api.as(admin.token()).get("/api/v1/desk/tickets/" + ticket + "/relations").json().get("tags")
                .size()).isZero();
        assertThat(api.as(admin.token()).get("/api/v1/desk/tickets/" + other).get("status")).isEqualTo("NEW");
    }
}
