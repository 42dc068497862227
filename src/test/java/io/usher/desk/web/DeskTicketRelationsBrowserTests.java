package io.usher.desk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.usher.desk.DeskFixtures;
import io.usher.identity.Role;
import io.usher.support.BrowserTest;
import io.usher.support.Users;

/**
 * The ticket page's relation controls in Chromium: an agent tags a ticket and watches it (htmx answers in place),
 * links it to another by number, and merges a third into it, landing on the ticket merged into.
 */
class DeskTicketRelationsBrowserTests extends BrowserTest {

    @Autowired
    Users users;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void anAgentTagsWatchesLinksAndMergesThroughThePage() {
        var desk = new DeskFixtures(api, users);
        var admin = desk.admin();
        var team = desk.team();
        var category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        var requester = desk.person("requester", Role.CUSTOMER);
        String[] ids = new String[3];
        String[] numbers = new String[3];
        var subjects = new String[] {"Charged twice", "Refund not arrived", "Double charge on my card"};
        for (int i = 0; i < 3; i++) {
            var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", subjects[i],
                    "description", "My card was charged twice for one order.", "categoryId", category));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
            ids[i] = created.get("id");
            numbers[i] = created.get("number");
        }

        signIn(page, team.agent().email());
        page.navigate("/desk/tickets/" + ids[0]);

        page.getByLabel("Edit tags").fill("Billing, VIP");
        page.getByRole(AriaRole.BUTTON, named("Save tags")).click();
        assertThat(page.locator(".desk-tag-list")).containsText("billing");
        assertThat(page.locator(".desk-tag-list")).containsText("vip");
        assertThat(page.locator("#ticket-message")).containsText("The tags are saved.");

        page.getByRole(AriaRole.BUTTON, named("Watch")).click();
        assertThat(page.locator(".desk-watcher-list")).containsText("(you)");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Stop watching"))).isVisible();

        page.getByLabel("This ticket", exact()).selectOption(new SelectOption().setLabel("Blocks"));
        page.getByLabel("Ticket number", exact()).fill(numbers[1]);
        page.getByRole(AriaRole.BUTTON, named("Link")).click();
        assertThat(page.locator(".desk-link-list")).containsText("Refund not arrived");
        assertThat(page.getByRole(AriaRole.LINK, named(numbers[1]))).isVisible();
        assertThat(page.locator("#ticket-timeline")).containsText("linked it: blocks " + numbers[1]);

        // a refusal is a message, the page stays
        page.getByLabel("Ticket number", exact()).fill("TKT-1999-999999");
        page.getByRole(AriaRole.BUTTON, named("Link")).click();
        assertThat(page.locator("#ticket-message")).containsText("No ticket with that number");

        page.navigate("/desk/tickets/" + ids[2]);
        page.getByText("Merge into…").click();
        page.getByLabel("Merge into ticket number").fill(numbers[0]);
        page.getByLabel("Close this ticket and move its conversation").check();
        page.getByRole(AriaRole.BUTTON, named("Merge")).click();

        assertThat(page).hasURL(Pattern.compile("/desk/tickets/" + ids[0] + "\\?notice=desk-merged"));
        assertThat(page.locator(".flash")).containsText("The duplicate is merged into this ticket and closed.");
        assertThat(page.locator("#ticket-timeline")).containsText("merged " + numbers[2] + " into this ticket.");
        assertThat(page.locator(".desk-link-list")).containsText("Has duplicate");
        assertThat(page.locator(".desk-link-list")).containsText(numbers[2]);
        assertThat(page.locator(".desk-tag-list")).containsText("billing");
        screenshot("desk-ticket-relations");
    }
}
