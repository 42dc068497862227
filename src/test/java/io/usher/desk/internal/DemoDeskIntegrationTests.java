package io.usher.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Organizations;
import io.usher.identity.Role;
import io.usher.identity.UserDirectory;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** On the embedded database: the demo help desk of "Usher Support", created once, worked by the demo accounts. */
class DemoDeskIntegrationTests extends IntegrationTest {

    @Autowired
    DemoDesk demo;

    @Autowired
    UserDirectory directory;

    @Autowired
    Organizations organizations;

    @Autowired
    Queues queues;

    @Autowired
    Categories categories;

    @Autowired
    Users users;

    @Test
    void createsASupportQueueWithCategoriesOnceWorkedByTheDemoAgentAndManager() {
        // the demo's shape with accounts of this test's own (identity's demo accounts are tested on their own)
        var admin = users.create("admin", Role.ADMIN);
        var managerEmail = users.create("manager", Role.MANAGER, Role.AGENT);
        var agentEmail = users.create("agent", Role.AGENT);
        var organization = "Support " + UUID.randomUUID();
        var managerToken = Accounts.login(api, managerEmail, Accounts.PASSWORD).get("accessToken");
        var created = api.as(managerToken).post("/api/v1/organizations", Map.of("name", organization, "kind", "SUPPORT"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.as(managerToken).post("/api/v1/organizations/" + created.get("id") + "/members",
                Map.of("email", agentEmail)).status()).isEqualTo(200);

        var first = demo.seed(organization, admin, managerEmail, agentEmail);
        var second = demo.seed(organization, admin, managerEmail, agentEmail);

        assertThat(first).isTrue();
        assertThat(second).as("created once").isFalse();
        var support = organizations.findByName(organization).orElseThrow();
        var queue = queues.list().stream()
                .filter(q -> q.organizationId().equals(support.value()) && q.name().equals(DemoDesk.QUEUE))
                .findFirst().orElseThrow();
        var agent = directory.findByEmail(agentEmail).orElseThrow();
        var manager = directory.findByEmail(managerEmail).orElseThrow();
        assertThat(queue.managers()).containsExactly(manager.id().value());
        var orders = categories.list().stream().filter(c -> c.name().equals("Tickets and orders")
                && queue.id().equals(c.defaultQueueId())).findFirst().orElseThrow();
        assertThat(categories.fieldsFor(orders.id(), null)).extracting(f -> f.key())
                .containsExactly("order_number", "topic");
        var requester = Accounts.newSignedInCustomer(api).get("accessToken");
        var ticket = api.as(requester).post("/api/v1/desk/tickets", Map.of("subject", "Where are my tickets?",
                "description", "I paid an hour ago and have no e-mail yet.", "categoryId", orders.id(),
                "customFields", Map.of("topic", "Delivery of tickets")));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        assertThat(ticket.get("queueId")).isEqualTo(queue.id().toString());
        assertThat(ticket.get("assigneeId")).as("round robin among the demo agent and manager")
                .isIn(agent.id().toString(), manager.id().toString());
    }
}
