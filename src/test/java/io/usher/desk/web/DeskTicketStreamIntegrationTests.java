package io.usher.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.desk.DeskFixtures;
import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/**
 * A ticket page's live stream: agents hear of every change, internal notes and who is writing; the requester hears
 * of public replies and changes, never of internal notes or presence; others get no stream at all.
 */
class DeskTicketStreamIntegrationTests extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String ticket;
    final List<Stream<String>> open = new CopyOnWriteArrayList<>();
    final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        var admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        var category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Cannot download",
                "description", "The PDF link answers with an error page.", "categoryId", category));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ticket = created.get("id");
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
        readers.shutdownNow();
    }

    /** One server-sent event: its name and data. */
    record Event(String name, String data) {
    }

    /** Opens the ticket's stream as the person and collects its events until the test ends. */
    List<Event> follow(DeskFixtures.Person person) throws Exception {
        var events = new CopyOnWriteArrayList<Event>();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/desk/tickets/" + ticket
                + "/stream")).header("Cookie", "usher_at=" + person.token()).header("Accept", "text/event-stream")
                .GET().build();
        var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        readers.submit(() -> read(response.body(), events));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e.name().equals("ready")));
        return events;
    }

    private static void read(Stream<String> lines, List<Event> events) {
        var name = new String[] {"message"};
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name[0], line.substring(5).strip()));
                    name[0] = "message";
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    void comment(DeskFixtures.Person who, String visibility, String body) {
        var posted = api.as(who.token()).post("/api/v1/desk/tickets/" + ticket + "/comments",
                Map.of("body", body, "visibility", visibility));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    }

    @Test
    void theRequestersStreamCarriesNoInternalNoteAndNoPresence() throws Exception {
        var agent = team.agent();
        var manager = team.manager();
        var requesterEvents = follow(requester);
        var managerEvents = follow(manager);

        comment(agent, "INTERNAL", "Secret: the PDF service is down.");
        comment(agent, "PUBLIC", "We are looking into it.");
        var agentPage = new PageClient("http://localhost:" + port).withCookie("usher_at", agent.token());
        assertThat(agentPage.get("/desk/tickets/" + ticket).status()).isEqualTo(200);
        assertThat(agentPage.post("/desk/tickets/" + ticket + "/typing", Map.of()).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> managerEvents.stream()
                .anyMatch(e -> e.name().equals("presence")));
        var managerComments = managerEvents.stream().filter(e -> e.name().equals("comment")).toList();
        assertThat(managerComments).hasSize(2);
        assertThat(managerComments.getFirst().data()).contains("\"internal\":true");
        assertThat(managerComments.get(1).data()).contains("\"internal\":false");
        assertThat(managerEvents.stream().filter(e -> e.name().equals("presence")).findFirst().orElseThrow().data())
                .contains(agent.id());

        // everything above was sent before the manager's presence event, so the requester has had its share
        await().atMost(Duration.ofSeconds(10)).until(() -> requesterEvents.stream()
                .anyMatch(e -> e.name().equals("comment")));
        var requesterComments = requesterEvents.stream().filter(e -> e.name().equals("comment")).toList();
        assertThat(requesterComments).hasSize(1);
        assertThat(requesterComments.getFirst().data()).contains("\"internal\":false");
        assertThat(requesterEvents).noneMatch(e -> e.name().equals("presence"))
                .noneMatch(e -> e.data().contains("\"internal\":true"));
    }

    @Test
    void changesReachTheStreamsAndOutsidersGetNone() throws Exception {
        var requesterEvents = follow(requester);
        var moved = api.as(team.agent().token()).post("/api/v1/desk/tickets/" + ticket + "/status",
                Map.of("status", "OPEN"));
        assertThat(moved.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> requesterEvents.stream()
                .anyMatch(e -> e.name().equals("change")));

        var refused = api.as(team.agent().token()).post("/api/v1/desk/tickets/" + ticket + "/status",
                Map.of("status", "RESOLVED"));
        assertThat(refused.status()).isEqualTo(409);

        var stranger = desk.person("nosy", Role.CUSTOMER);
        var outsider = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/desk/tickets/"
                + ticket + "/stream")).header("Cookie", "usher_at=" + stranger.token())
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(outsider.body()).doesNotContain("Cannot download");
        // a requester cannot claim to be writing
        var requesterPage = new PageClient("http://localhost:" + port).withCookie("usher_at", requester.token());
        requesterPage.get("/desk/tickets/" + ticket);
        assertThat(requesterPage.post("/desk/tickets/" + ticket + "/typing", Map.of()).status()).isEqualTo(404);
        assertThat(requesterEvents.stream().filter(e -> e.name().equals("change"))).hasSize(1);
    }
}
