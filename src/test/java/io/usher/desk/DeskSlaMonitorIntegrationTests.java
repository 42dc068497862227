package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.desk.internal.SlaMonitor;
import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;
import io.usher.support.Users;
import tools.jackson.databind.JsonNode;

class DeskSlaMonitorIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaMonitor monitor;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person requester;
    String calendar;

    @BeforeEach
    void desk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        calendar = desk.roundTheClock(admin);
    }

    String category(Map<String, Object> queue) {
        var body = new java.util.HashMap<String, Object>(Map.of("organizationId", team.organizationId(),
                "name", "Queue " + UUID.randomUUID(), "calendarId", calendar,
                "managers", List.of(team.manager().id()), "agents", List.of(team.agent().id())));
        body.putAll(queue);
        var created = api.as(admin.token()).post("/api/v1/desk/admin/queues", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return desk.category(admin, created.get("id"));
    }

    String open(String category, String priority) {
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", "Scanner is offline",
                "description", "The gate scanner at door B shows no network.", "categoryId", category,
                "priority", priority));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.get("id");
    }

    /** Moves the clock and runs the monitor as the scheduler would. */
    void advanceAndMonitor(Duration by) {
        clock.advance(by);
        while (monitor.checkDue() > 0) {
            // until nothing is due
        }
    }

    JsonNode ticket(String id) {
        var got = api.as(desk.signInAgain(admin).token()).get("/api/v1/desk/tickets/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json();
    }

    List<String> slaLog(String id) {
        return ticket(id).get("sla").get("events").valueStream()
                .map(e -> e.get("target").asString() + " " + e.get("type").asString()).toList();
    }

    List<String> changes(String ticket, String field) {
        return jdbc.sql("""
                select actor_id || ': ' || coalesce(old_value, '-') || ' -> ' || coalesce(new_value, '-')
                from desk_ticket_changes where ticket_id = :ticket and field = :field order by id
                """).param("ticket", UUID.fromString(ticket)).param("field", field).query(String.class).list();
    }

    List<String> inbox(DeskFixtures.Person who, String kind) {
        var list = api.as(desk.signInAgain(who).token()).get("/api/v1/me/notifications");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").valueStream().filter(n -> n.get("kind").asString().equals(kind))
                .map(n -> n.get("title").asString()).toList();
    }

    @Test
    void warnsAtEightyPercentAndBreachesAtTheTargetOnceNotifyingAssigneeAndManagers() {
        var category = category(Map.of());
        var id = open(category, "HIGH");
        var number = ticket(id).get("number").asString();

        advanceAndMonitor(Duration.ofMinutes(95));
        assertThat(slaLog(id)).containsExactly("FIRST_RESPONSE START", "RESOLUTION START");

        advanceAndMonitor(Duration.ofMinutes(1)); // 96 of 120 minutes: 80 %
        advanceAndMonitor(Duration.ofMinutes(1));
        assertThat(slaLog(id)).containsExactly("FIRST_RESPONSE START", "RESOLUTION START", "FIRST_RESPONSE WARNING");
        var warning = ticket(id).get("sla").get("events").get(2);
        assertThat(warning.get("explanation").asString()).startsWith("Warning: 96 of 120 business minutes used; due ");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(inbox(team.agent(), "desk.sla_warning")).containsExactly(number + ": first response due soon");
            assertThat(inbox(team.manager(), "desk.sla_warning")).containsExactly(number + ": first response due soon");
        });
        assertThat(Mailbox.awaitLink(team.agent().email(), java.util.regex.Pattern.compile(
                "(" + java.util.regex.Pattern.quote(number) + " \\(Scanner is offline\\) will breach its first response target)"))).isNotBlank();

        advanceAndMonitor(Duration.ofMinutes(24)); // 120 of 120
        var log = slaLog(id);
        assertThat(log).containsSubsequence("FIRST_RESPONSE WARNING", "FIRST_RESPONSE BREACH",
                "FIRST_RESPONSE RETARGET", "RESOLUTION RETARGET");
        assertThat(log.stream().filter(e -> e.endsWith("BREACH"))).containsExactly("FIRST_RESPONSE BREACH");
        var json = ticket(id);
        assertThat(json.get("priority").asString()).isEqualTo("CRITICAL");
        assertThat(json.get("sla").get("firstResponse").get("status").asString()).isEqualTo("BREACHED");
        // CRITICAL resolves in 240 minutes; 120 are used.
        assertThat(json.get("sla").get("resolution").get("targetMinutes").asLong()).isEqualTo(240);
        assertThat(changes(id, "priority")).containsExactly(new UUID(0, 0) + ": HIGH -> CRITICAL");
        assertThat(json.get("assigneeId").asString()).isEqualTo(team.agent().id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox(team.manager(), "desk.sla_breached"))
                .containsExactly(number + ": first response breached"));

        // Resolution: warns at 192 of 240, breaches at 240; CRITICAL stays CRITICAL.
        advanceAndMonitor(Duration.ofMinutes(72));
        advanceAndMonitor(Duration.ofMinutes(48));
        log = slaLog(id);
        assertThat(log.stream().filter(e -> e.startsWith("RESOLUTION") && !e.endsWith("START")))
                .containsExactly("RESOLUTION RETARGET", "RESOLUTION WARNING", "RESOLUTION BREACH");
        assertThat(ticket(id).get("priority").asString()).isEqualTo("CRITICAL");
        assertThat(changes(id, "priority")).hasSize(1);

        advanceAndMonitor(Duration.ofDays(1));
        assertThat(slaLog(id)).hasSameSizeAs(log);
    }

    @Test
    void pausedAndMetTimersNeitherWarnNorBreach() {
        var category = category(Map.of());
        var onHold = open(category, "CRITICAL");
        var resolved = open(category, "CRITICAL");
        var agent = team.agent();
        assertThat(api.as(agent.token()).post("/api/v1/desk/tickets/" + onHold + "/status", Map.of("status", "OPEN"))
                .status()).isEqualTo(200);
        assertThat(api.as(agent.token()).post("/api/v1/desk/tickets/" + onHold + "/status",
                Map.of("status", "ON_HOLD")).status()).isEqualTo(200);
        for (var status : List.of("OPEN", "IN_PROGRESS")) {
            api.as(agent.token()).post("/api/v1/desk/tickets/" + resolved + "/status", Map.of("status", status));
        }
        var done = api.as(agent.token()).post("/api/v1/desk/tickets/" + resolved + "/status",
                Map.of("status", "RESOLVED", "resolution", "Rebooted the switch."));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);

        advanceAndMonitor(Duration.ofDays(2));
        assertThat(slaLog(onHold)).noneMatch(e -> e.endsWith("WARNING") || e.endsWith("BREACH"));
        assertThat(slaLog(resolved)).noneMatch(e -> e.endsWith("WARNING") || e.endsWith("BREACH"));
        assertThat(ticket(onHold).get("priority").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void aBreachGoesToTheLeastLoadedManagerWhenTheQueueReassignsOnBreach() {
        var busy = team.manager();
        var idle = desk.person("idle-manager", Role.MANAGER, Role.AGENT);
        var added = api.as(busy.token()).post("/api/v1/organizations/" + team.organizationId() + "/members",
                Map.of("email", idle.email()));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        // The busy manager is the queue's only agent too, so round-robin gives them every ticket.
        var category = category(Map.of("reassignOnBreach", true, "managers", List.of(busy.id(), idle.id()),
                "agents", List.of(busy.id())));
        open(category, "LOW");
        var urgent = open(category, "CRITICAL");
        assertThat(ticket(urgent).get("assigneeId").asString()).isEqualTo(busy.id());

        advanceAndMonitor(Duration.ofMinutes(31));
        assertThat(ticket(urgent).get("assigneeId").asString()).isEqualTo(idle.id());
        assertThat(changes(urgent, "assignee")).containsExactly(new UUID(0, 0) + ": - -> " + busy.id(),
                new UUID(0, 0) + ": " + busy.id() + " -> " + idle.id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox(idle, "desk.sla_breached"))
                .hasSize(1));
    }

    @Test
    void monitorsRunningAtOnceWriteOneWarningPerTimer() throws Exception {
        var category = category(Map.of());
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(open(category, "CRITICAL"));
        }
        clock.advance(Duration.ofMinutes(25)); // 24 of 30 minutes: first response warns
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(monitor::checkDue);
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        }
        for (var id : ids) {
            assertThat(slaLog(id)).containsOnlyOnce("FIRST_RESPONSE WARNING").doesNotContain("RESOLUTION WARNING");
        }
    }

    @Test
    void listsAndMarksMyNotificationsRead() {
        var category = category(Map.of());
        open(category, "CRITICAL");
        advanceAndMonitor(Duration.ofMinutes(25));
        var agent = desk.signInAgain(team.agent());
        await().atMost(Duration.ofSeconds(10)).until(() -> !inbox(agent, "desk.sla_warning").isEmpty());
        var page = api.as(agent.token()).get("/api/v1/me/notifications?unreadOnly=true").json();
        assertThat(page.get("unread").asInt()).isEqualTo(page.get("items").size()).isPositive();
        var first = page.get("items").get(0).get("id").asString();

        var other = desk.person("someone-else", Role.CUSTOMER);
        assertThat(api.as(other.token()).post("/api/v1/me/notifications/" + first + "/read", Map.of()).code())
                .isEqualTo("notification.not_found");
        assertThat(api.as(agent.token()).post("/api/v1/me/notifications/" + first + "/read", Map.of()).status())
                .isEqualTo(204);
        var after = api.as(agent.token()).get("/api/v1/me/notifications").json();
        assertThat(after.get("unread").asInt()).isEqualTo(page.get("unread").asInt() - 1);
        var all = api.as(agent.token()).post("/api/v1/me/notifications/read-all", Map.of());
        assertThat(all.json().get("marked").asInt()).isEqualTo(page.get("unread").asInt() - 1);
        assertThat(api.as(agent.token()).get("/api/v1/me/notifications").json().get("unread").asInt()).isZero();
    }
}
