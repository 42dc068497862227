package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.usher.identity.Role;
import io.usher.order.OrderFixtures;
import io.usher.support.Api;
import io.usher.support.Mailbox;
import tools.jackson.databind.JsonNode;

/** A ticket's order, watchers, tags and links: who may do what, what each sees, and the recorded changes. */
class DeskTicketRelationsIntegrationTests extends DeskIntegrationTest {

    Api.Response open(DeskFixtures.Person who, Object... more) {
        var body = new HashMap<String, Object>(Map.of("subject", "Where are my tickets?",
                "description", "I paid but received nothing yet.", "categoryId", category));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return api.as(who.token()).post("/api/v1/desk/tickets", body);
    }

    String ticket() {
        var created = open(requester);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    Api.Response get(DeskFixtures.Person who, String ticket) {
        return api.as(who.token()).get("/api/v1/desk/tickets/" + ticket);
    }

    List<String> changes(String ticket, String field) {
        var timeline = api.as(agent.token()).get("/api/v1/desk/tickets/" + ticket + "/timeline").json();
        return timeline.valueStream().filter(e -> field.equals(text(e, "field")))
                .map(e -> text(e, "oldValue") + " → " + text(e, "newValue")).toList();
    }

    static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Test
    void aTicketNamesAnOrderOfItsRequesterAndAgentsSeeTheOrderSummary() {
        var orders = new OrderFixtures(api, users, "http://localhost:" + port);
        var sale = orders.sale(orders.catalog.organizer(), 10, 2500);
        var order = orders.placed(requester.token(), orders.hold(requester.token(), sale.eventId(), sale.ticketTypeId(), 2));

        var created = open(requester, "orderId", order);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.get("orderId")).isEqualTo(order);
        var ticket = created.get("id");

        var seen = get(agent, ticket).json().get("order");
        assertThat(seen.get("id").asString()).isEqualTo(order);
        assertThat(seen.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(seen.get("totalMinor").asLong()).isEqualTo(5000);
        assertThat(seen.get("currency").asString()).isEqualTo("EUR");
        assertThat(seen.get("lines").asInt()).isEqualTo(2);
        assertThat(seen.get("eventTitle").asString()).startsWith("Night ");
        assertThat(get(requester, ticket).json().get("order").get("id").asString()).isEqualTo(order);

        var stranger = desk.person("stranger", Role.CUSTOMER);
        var notYours = open(stranger, "orderId", order);
        assertThat(notYours.status()).as(notYours.toString()).isEqualTo(422);
        assertThat(notYours.code()).isEqualTo("desk.order_not_yours");
        var none = open(requester, "orderId", java.util.UUID.randomUUID().toString());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.code()).isEqualTo("desk.order_not_yours");
        assertThat(get(agent, ticket()).json().has("order")).isFalse();
    }

    @Test
    void peopleWatchThemselvesAndAgentsAddOnlyPeopleWhoMaySeeTheTicket() {
        var ticket = ticket();
        var watched = api.as(team.manager().token()).post("/api/v1/desk/tickets/" + ticket + "/watchers", Map.of());
        assertThat(watched.status()).as(watched.toString()).isEqualTo(200);
        var added = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/watchers",
                Map.of("userId", requester.id()));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("watchers").valueStream().map(w -> w.get("userId").asString()))
                .containsExactly(team.manager().id(), requester.id());

        assertThat(added.json().get("watchers").get(0).get("email").asString()).isEqualTo(team.manager().email());
        var requesterView = get(requester, ticket).json().get("watchers");
        assertThat(requesterView.get(0).has("email")).isFalse();
        assertThat(requesterView.get(0).get("displayName").asString()).isNotBlank();

        var outsider = desk.person("outsider", Role.AGENT);
        var refused = api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/watchers",
                Map.of("userId", outsider.id()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("desk.watcher_cannot_see_ticket");
        var byRequester = api.as(requester.token()).post("/api/v1/desk/tickets/" + ticket + "/watchers",
                Map.of("userId", agent.id()));
        assertThat(byRequester.status()).isEqualTo(403);
        assertThat(byRequester.code()).isEqualTo("desk.not_an_agent_of_the_queue");
        var hidden = api.as(outsider.token()).post("/api/v1/desk/tickets/" + ticket + "/watchers", Map.of());
        assertThat(hidden.status()).isEqualTo(404);

        var removeOther = api.as(requester.token()).delete("/api/v1/desk/tickets/" + ticket + "/watchers/"
                + team.manager().id());
        assertThat(removeOther.status()).isEqualTo(403);
        var removeSelf = api.as(requester.token()).delete("/api/v1/desk/tickets/" + ticket + "/watchers/"
                + requester.id());
        assertThat(removeSelf.status()).as(removeSelf.toString()).isEqualTo(200);
        assertThat(removeSelf.json().get("watchers").valueStream().map(w -> w.get("userId").asString()))
                .containsExactly(team.manager().id());
        assertThat(changes(ticket, "watcher")).containsExactly("null → " + team.manager().id(),
                "null → " + requester.id(), requester.id() + " → null");
    }

    @Test
    void watchersAreMailedPublicRepliesButNotInternalNotesNorTheirOwn() {
        var ticket = ticket();
        api.as(team.manager().token()).post("/api/v1/desk/tickets/" + ticket + "/watchers", Map.of());
        api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Internal-watch-marker for us only", "visibility", "INTERNAL"));
        api.as(agent.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Public-watch-marker: the tickets are on their way", "visibility", "PUBLIC"));
        api.as(team.manager().token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", "Own-watch-marker from the manager", "visibility", "PUBLIC"));

        var excerpt = Mailbox.awaitLink(team.manager().email(), Pattern.compile("(Public-watch-marker[^\\n]*)"));
        assertThat(excerpt).contains("on their way");
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.messagesTo(team.manager().email()).size() == 1);
        assertThat(Mailbox.messagesTo(team.manager().email())).allSatisfy(message -> assertThat(Mailbox.body(message))
                .contains("a ticket you watch").doesNotContain("Internal-watch-marker").doesNotContain("Own-watch-marker"));
    }

    @Test
    void agentsTagTicketsInLowerCaseUpToTwentyAndRequestersDoNotSeeTags() {
        var ticket = ticket();
        var tagged = api.as(agent.token()).put("/api/v1/desk/tickets/" + ticket + "/tags",
                Map.of("tags", List.of("  VIP  Customer ", "refund", "Refund")));
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(tagged.json().get("tags").valueStream().map(JsonNode::asString)).containsExactly("refund",
                "vip customer");
        var retagged = api.as(agent.token()).put("/api/v1/desk/tickets/" + ticket + "/tags",
                Map.of("tags", List.of("refund", "pdf")));
        assertThat(retagged.json().get("tags").valueStream().map(JsonNode::asString)).containsExactly("pdf", "refund");
        assertThat(changes(ticket, "tag")).containsExactly("null → refund", "null → vip customer",
                "vip customer → null", "null → pdf");

        var many = new java.util.ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            many.add("tag-" + i);
        }
        var tooMany = api.as(agent.token()).put("/api/v1/desk/tickets/" + ticket + "/tags", Map.of("tags", many));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.code()).isEqualTo("desk.too_many_tags");
        var blank = api.as(agent.token()).put("/api/v1/desk/tickets/" + ticket + "/tags", Map.of("tags", List.of(" ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("desk.invalid_tags");
        var byRequester = api.as(requester.token()).put("/api/v1/desk/tickets/" + ticket + "/tags",
                Map.of("tags", List.of("mine")));
        assertThat(byRequester.status()).isEqualTo(403);

        assertThat(get(agent, ticket).json().get("tags").valueStream().map(JsonNode::asString))
                .containsExactly("pdf", "refund");
        assertThat(get(requester, ticket).json().get("tags").isEmpty()).isTrue();
    }

    @Test
    void agentsLinkTicketsAndTheOtherTicketShowsTheInverse() {
        var first = ticket();
        var second = ticket();
        var third = ticket();
        var blocked = api.as(agent.token()).post("/api/v1/desk/tickets/" + first + "/links",
                Map.of("type", "BLOCKED_BY", "ticketId", second));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        api.as(agent.token()).post("/api/v1/desk/tickets/" + third + "/links", Map.of("type", "RELATED", "ticketId", first));
        api.as(agent.token()).post("/api/v1/desk/tickets/" + first + "/links", Map.of("type", "RELATED", "ticketId", third));

        assertThat(links(get(agent, first))).containsExactlyInAnyOrder("BLOCKED_BY " + second, "RELATED " + third);
        assertThat(links(get(agent, second))).containsExactly("BLOCKS " + first);
        assertThat(links(get(agent, third))).containsExactly("RELATED " + first);
        assertThat(get(requester, first).json().get("links").isEmpty()).isTrue();

        var self = api.as(agent.token()).post("/api/v1/desk/tickets/" + first + "/links",
                Map.of("type", "RELATED", "ticketId", first));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.code()).isEqualTo("desk.self_link");
        var badType = api.as(agent.token()).post("/api/v1/desk/tickets/" + first + "/links",
                Map.of("type", "HAS_DUPLICATE", "ticketId", second));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.code()).isEqualTo("desk.invalid_link");
        var byRequester = api.as(requester.token()).post("/api/v1/desk/tickets/" + first + "/links",
                Map.of("type", "RELATED", "ticketId", second));
        assertThat(byRequester.status()).isEqualTo(403);

        var otherTeam = desk.team();
        var otherQueue = desk.queue(admin, otherTeam, desk.roundTheClock(admin));
        var foreign = open(requester, "categoryId", desk.category(admin, otherQueue)).get("id");
        var unseen = api.as(agent.token()).post("/api/v1/desk/tickets/" + first + "/links",
                Map.of("type", "RELATED", "ticketId", foreign));
        assertThat(unseen.status()).isEqualTo(404);
        assertThat(unseen.code()).isEqualTo("desk.ticket_not_found");

        var removed = api.as(agent.token()).delete("/api/v1/desk/tickets/" + second + "/links/BLOCKS/" + first);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(links(get(agent, first))).containsExactly("RELATED " + third);
        var number = get(agent, second).get("number");
        assertThat(changes(first, "link")).containsExactly("null → BLOCKED_BY " + number,
                "null → RELATED " + get(agent, third).get("number"), "BLOCKED_BY " + number + " → null");
    }

    static List<String> links(Api.Response ticket) {
        return ticket.json().get("links").valueStream()
                .map(l -> l.get("type").asString() + " " + l.get("ticketId").asString()).toList();
    }
}
