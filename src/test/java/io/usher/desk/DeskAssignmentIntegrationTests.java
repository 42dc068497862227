package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.identity.Role;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

class DeskAssignmentIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

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

    /** More agents in the team's organization. */
    List<DeskFixtures.Person> agents(int count) {
        var agents = new ArrayList<DeskFixtures.Person>();
        for (int i = 0; i < count; i++) {
            var agent = desk.person("agent-" + i, Role.AGENT);
            var added = api.as(team.manager().token()).post("/api/v1/organizations/" + team.organizationId()
                    + "/members", Map.of("email", agent.email()));
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            agents.add(agent);
        }
        return agents;
    }

    /** A queue worked by these agents, managed by the team's manager; answers a category routed to it. */
    String categoryFor(String mode, List<DeskFixtures.Person> agents) {
        var queue = api.as(admin.token()).post("/api/v1/desk/admin/queues", Map.of(
                "organizationId", team.organizationId(), "name", "Queue " + UUID.randomUUID(), "calendarId", calendar,
                "managers", List.of(team.manager().id()), "agents", agents.stream().map(DeskFixtures.Person::id).toList(),
                "assignmentMode", mode));
        assertThat(queue.status()).as(queue.toString()).isEqualTo(201);
        return desk.category(admin, queue.get("id"));
    }

    Map<String, Object> ticket(String category) {
        return new HashMap<>(Map.of("subject", "Cannot download my tickets",
                "description", "The PDF link answers with an error page.", "categoryId", category));
    }

    Api.Response open(String category) {
        var created = api.as(requester.token()).post("/api/v1/desk/tickets", ticket(category));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    void away(DeskFixtures.Person agent, boolean away) {
        var set = api.as(agent.token()).put("/api/v1/desk/me/availability", Map.of("away", away));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    List<String> changes(String ticket, String field) {
        return jdbc.sql("""
                select coalesce(old_value, '-') || ' -> ' || coalesce(new_value, '-') from desk_ticket_changes
                where ticket_id = :ticket and field = :field order by id
                """).param("ticket", UUID.fromString(ticket)).param("field", field).query(String.class).list();
    }

    @Test
    void roundRobinTakesTurnsAmongAvailableAgentsAndSkipsThoseAway() {
        var agents = agents(3);
        var category = categoryFor("ROUND_ROBIN", agents);
        away(agents.get(1), true);
        assertThat(api.as(agents.get(1).token()).get("/api/v1/desk/me/availability").get("away")).isEqualTo("true");

        var assignees = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            assignees.add(open(category).get("assigneeId"));
        }
        assertThat(assignees).doesNotContain(agents.get(1).id()).containsOnly(agents.get(0).id(), agents.get(2).id());
        assertThat(assignees.get(0)).isNotEqualTo(assignees.get(1));
        assertThat(assignees.get(2)).isEqualTo(assignees.get(0));
        assertThat(assignees.get(3)).isEqualTo(assignees.get(1));

        away(agents.get(1), false);
        var next = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            next.add(open(category).get("assigneeId"));
        }
        assertThat(next).containsExactlyInAnyOrder(agents.get(0).id(), agents.get(1).id(), agents.get(2).id());
    }

    @Test
    void concurrentCreationsSpreadEvenlyOverTheAvailableAgents() throws Exception {
        var agents = agents(4);
        var category = categoryFor("ROUND_ROBIN", agents);
        away(agents.get(3), true);
        int perAgent = 8;
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < perAgent * 3; i++) {
            tasks.add(() -> api.as(requester.token()).post("/api/v1/desk/tickets", ticket(category)));
        }
        var assignees = new ArrayList<String>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var future : pool.invokeAll(tasks)) {
                var response = future.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                assignees.add(response.get("assigneeId"));
            }
        }
        var counts = assignees.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsOnlyKeys(agents.get(0).id(), agents.get(1).id(), agents.get(2).id());
        assertThat(counts.values()).containsOnly((long) perAgent);
    }

    @Test
    void leastLoadedGoesToTheAgentWithFewestOpenTicketsAndTakesTurnsOnTies() {
        var agents = agents(2);
        var category = categoryFor("LEAST_LOADED", agents);
        var first = agents.get(0);
        var second = agents.get(1);
        // Two open tickets for the first agent, by hand.
        for (int i = 0; i < 2; i++) {
            var id = open(category).get("id");
            var assigned = api.as(team.manager().token()).post("/api/v1/desk/tickets/" + id + "/assignee",
                    Map.of("agentId", first.id()));
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        }
        assertThat(open(category).get("assigneeId")).isEqualTo(second.id());
        assertThat(open(category).get("assigneeId")).isEqualTo(second.id());
        // 2 : 2 now; ties take turns.
        var tied = List.of(open(category).get("assigneeId"), open(category).get("assigneeId"));
        assertThat(tied).containsExactlyInAnyOrder(first.id(), second.id());
        // Resolved and closed tickets do not count.
        var busy = jdbc.sql("select count(*) from desk_tickets where assignee_id = :a and status not in ('RESOLVED', 'CLOSED')")
                .param("a", UUID.fromString(first.id())).query(Integer.class).single();
        assertThat(busy).isEqualTo(3);
    }

    @Test
    void staysUnassignedInTheQueueWhenNobodyIsAvailable() {
        var agents = agents(1);
        var category = categoryFor("ROUND_ROBIN", agents);
        away(agents.getFirst(), true);
        var created = open(category);
        assertThat(created.get("assigneeId")).isNull();
        assertThat(changes(created.get("id"), "assignee")).isEmpty();
    }

    @Test
    void assignsByHandOnlyToAgentsOfTheQueue() {
        var agents = agents(2);
        var category = categoryFor("ROUND_ROBIN", List.of(agents.get(0)));
        var id = open(category).get("id");
        var path = "/api/v1/desk/tickets/" + id + "/assignee";

        var outsider = api.as(team.manager().token()).post(path, Map.of("agentId", agents.get(1).id()));
        assertThat(outsider.status()).isEqualTo(422);
        assertThat(outsider.code()).isEqualTo("desk.not_queue_agent");
        assertThat(api.as(requester.token()).post(path, Map.of("agentId", agents.get(0).id())).code())
                .isEqualTo("desk.not_an_agent_of_the_queue");
        assertThat(api.as(agents.get(1).token()).post(path, Map.of("agentId", agents.get(0).id())).status())
                .isEqualTo(404);
        assertThat(api.as(team.manager().token()).post(path, Map.of()).code()).isEqualTo("desk.invalid_assignment");

        // Admins may too; round-robin gave it to agent 0, so a reassignment to the same agent changes nothing.
        var same = api.as(admin.token()).post(path, Map.of("agentId", agents.get(0).id()));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.get("assigneeId")).isEqualTo(agents.get(0).id());
        assertThat(changes(id, "assignee")).containsExactly("- -> " + agents.get(0).id());
    }

    @Test
    void theAssigneeAcceptsOrDeclinesBackToTheQueueWithAReason() {
        var agents = agents(2);
        var category = categoryFor("ROUND_ROBIN", agents);
        var created = open(category);
        var id = created.get("id");
        // Reassigned by hand to the agent round-robin did not pick.
        var other = agents.stream().filter(a -> a.id().equals(created.get("assigneeId"))).findFirst().orElseThrow();
        var mine = agents.stream().filter(a -> a != other).findFirst().orElseThrow();
        var assignee = api.as(team.manager().token()).post("/api/v1/desk/tickets/" + id + "/assignee",
                Map.of("agentId", mine.id()));
        assertThat(assignee.get("assigneeId")).isEqualTo(mine.id());

        assertThat(api.as(other.token()).post("/api/v1/desk/tickets/" + id + "/accept", Map.of()).code())
                .isEqualTo("desk.not_the_assignee");
        var accepted = api.as(mine.token()).post("/api/v1/desk/tickets/" + id + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.get("acceptedAt")).isNotNull();

        assertThat(api.as(mine.token()).post("/api/v1/desk/tickets/" + id + "/decline", Map.of()).code())
                .isEqualTo("desk.invalid_assignment");
        var declined = api.as(mine.token()).post("/api/v1/desk/tickets/" + id + "/decline",
                Map.of("reason", "Billing questions are not mine"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.get("assigneeId")).isNull();
        assertThat(declined.get("acceptedAt")).isNull();
        assertThat(api.as(requester.token()).get("/api/v1/desk/tickets/" + id).get("assigneeId")).isNull();

        assertThat(changes(id, "assignee")).hasSize(3).last().isEqualTo(mine.id() + " -> -");
        assertThat(changes(id, "acceptance")).containsExactly("- -> ACCEPTED");
        assertThat(changes(id, "decline_reason")).containsExactly("- -> Billing questions are not mine");
    }
}
