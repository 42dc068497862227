package io.usher.desk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import io.usher.desk.DeskFixtures;
import io.usher.identity.Role;
import io.usher.support.BrowserTest;
import io.usher.support.Users;

/**
 * The desk in Chromium, two people at once: a requester opens a ticket with a file; the agent it was routed to
 * accepts it, writes an internal note (the queue's manager, on the same page, sees them writing) and a public reply;
 * the requester's open page shows the reply (live, without reloading) but never the note; the agent resolves the
 * ticket and the requester rates it.
 */
class DeskBrowserTests extends BrowserTest {

    @Autowired
    Users users;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aRequesterOpensATicketAnAgentAnswersAndTheRequesterRatesIt() {
        var desk = new DeskFixtures(api, users);
        var admin = desk.admin();
        var team = desk.team();
        var category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        var requester = desk.person("requester", Role.CUSTOMER);

        // the requester opens a ticket with a file
        signIn(page, requester.email());
        page.getByRole(AriaRole.LINK, named("Support")).first().click();
        page.getByRole(AriaRole.LINK, named("New ticket")).click();
        page.getByLabel("Category", new Page.GetByLabelOptions().setExact(true)).selectOption(category);
        page.getByLabel("Subject").fill("Charged twice");
        page.getByLabel("What happened?").fill("My card was charged twice for one order.");
        page.getByLabel("Attach files").setInputFiles(new FilePayload("statement.txt", "text/plain",
                "Card statement: 2 x 45.00 EUR".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, named("Open ticket")).click();

        assertThat(page).hasURL(Pattern.compile("/desk/tickets/[0-9a-f-]{36}"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your ticket is open.");
        assertThat(page.getByRole(AriaRole.LINK, named("statement.txt"))).isVisible();
        var ticketUrl = page.url().replaceAll("\\?.*$", "");
        var ticketPath = ticketUrl.substring(ticketUrl.indexOf("/desk/"));
        assertThat(page.locator(".desk-live-status")).containsText("Live");
        screenshot("desk-requester-opened");

        // the agent it was routed to accepts it and writes a note and a reply
        var agent = newVisitor();
        signIn(agent, team.agent().email());
        assertThat(agent.getByRole(AriaRole.LINK, named("Desk"))).isVisible();
        agent.navigate(ticketPath);
        assertThat(agent.getByRole(AriaRole.LINK, named("statement.txt"))).isVisible();
        assertThat(agent.locator(".desk-sla-badge").first()).containsText("Why this due time?");
        agent.getByRole(AriaRole.BUTTON, named("Accept")).click();
        assertThat(agent.locator("#ticket-timeline")).containsText("accepted the ticket");
        assertThat(agent.getByRole(AriaRole.BUTTON, named("Accept"))).hasCount(0);

        // the queue's manager has the ticket open too: they see the agent writing, then the note arrive
        var manager = newVisitor();
        signIn(manager, team.manager().email());
        manager.navigate(ticketPath);
        assertThat(manager.locator(".desk-live-status")).containsText("Live");

        agent.getByLabel("Internal note").check();
        agent.getByLabel("Message").fill("The payment provider shows two captures; refund one.");
        assertThat(manager.locator("[data-presence]")).hasText("desk-agent is writing on this ticket right now.");
        agent.getByRole(AriaRole.BUTTON, named("Send")).click();
        assertThat(agent.locator(".desk-internal")).containsText("two captures");
        assertThat(manager.locator(".desk-internal")).containsText("two captures");
        assertThat(agent.locator(".desk-internal")).containsText("Internal note · agents only");
        assertThat(agent.getByLabel("Message")).hasValue("");

        agent.getByLabel("Public reply").check();
        agent.getByLabel("Message").fill("Sorry about that: we have refunded the second charge.");
        agent.getByRole(AriaRole.BUTTON, named("Send")).click();
        assertThat(agent.locator(".desk-by-agent")).containsText("refunded the second charge");
        screenshot(agent, "desk-agent-replied");

        // the requester's open page shows the reply, never the note
        var timeline = page.locator("#ticket-timeline");
        assertThat(timeline).containsText("refunded the second charge");
        assertThat(timeline).not().containsText("two captures");
        page.reload();
        assertThat(timeline).containsText("refunded the second charge");
        assertThat(page.locator("body")).not().containsText("two captures");
        assertThat(page.locator("body")).not().containsText("Internal note");

        // the agent resolves it
        for (var step : new String[] {"Open", "In progress"}) {
            agent.getByLabel("Move to").selectOption(new SelectOption().setLabel(step));
            agent.getByRole(AriaRole.BUTTON, named("Change status")).click();
            assertThat(agent.locator("[data-ticket-status]")).hasText(step);
        }
        agent.getByLabel("Move to").selectOption(new SelectOption().setLabel("Resolved"));
        agent.getByLabel("Resolution").fill("Refunded the duplicate charge.");
        agent.getByRole(AriaRole.BUTTON, named("Change status")).click();
        assertThat(agent.locator("[data-ticket-status]")).hasText("Resolved");

        // the requester sees it resolved (live) and rates it
        assertThat(page.locator("[data-ticket-status]")).hasText("Resolved");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("5")).check();
        page.getByLabel("Anything to add?").fill("Quick and kind.");
        // meanwhile the agent changes something: the requester's page refreshes live and keeps what they entered
        agent.getByLabel("Priority").selectOption(new SelectOption().setLabel("High"));
        agent.getByRole(AriaRole.BUTTON, named("Change priority")).click();
        assertThat(page.locator("#ticket-summary")).containsText("High");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("5"))).isChecked();
        assertThat(page.getByLabel("Anything to add?")).hasValue("Quick and kind.");
        page.getByRole(AriaRole.BUTTON, named("Send rating")).click();
        assertThat(page.locator(".desk-rated")).hasText("You rated the help 5 of 5. Thank you.");
        screenshot("desk-requester-rated");

        page.getByRole(AriaRole.LINK, named("Support")).first().click();
        assertThat(page.locator("table.desk-my-tickets")).containsText("Charged twice");
        assertThat(page.locator("table.desk-my-tickets")).containsText("Resolved");
    }
}
