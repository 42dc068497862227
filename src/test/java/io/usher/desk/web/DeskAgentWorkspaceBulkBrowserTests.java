package io.usher.desk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.usher.desk.DeskFixtures;
import io.usher.identity.Role;
import io.usher.support.BrowserTest;
import io.usher.support.Users;

/**
 * The agent workspace's bulk form in Chromium: an agent ticks two of three tickets, raises their priority and takes
 * them, and lands on the same view with the summary and the changed rows.
 */
class DeskAgentWorkspaceBulkBrowserTests extends BrowserTest {

    @Autowired
    Users users;

    static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    Locator row(String number) {
        return page.locator("tbody tr", new Page.LocatorOptions().setHasText(number));
    }

    @Test
    void anAgentRaisesThePriorityOfTwoTicketsAndTakesThem() {
        var desk = new DeskFixtures(api, users);
        var admin = desk.admin();
        var team = desk.team();
        var category = desk.category(admin, desk.queue(admin, team, desk.roundTheClock(admin)));
        var requester = desk.person("requester", Role.CUSTOMER);
        // away, the agent is handed none of them: taking them is then a change to see
        var away = api.as(team.agent().token()).put("/api/v1/desk/me/availability", Map.of("away", true));
        org.assertj.core.api.Assertions.assertThat(away.status()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        for (var subject : List.of("Printer jams", "Printer smokes", "Printer sings")) {
            var created = api.as(requester.token()).post("/api/v1/desk/tickets", Map.of("subject", subject,
                    "description", "The printer misbehaves.", "categoryId", category, "priority", "LOW"));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
            numbers.add(created.get("number"));
        }

        signIn(page, team.agent().email());
        page.navigate("/desk/agent?view=all&q=printer");
        page.getByLabel("Select " + numbers.get(0), exact()).check();
        page.getByLabel("Select " + numbers.get(1), exact()).check();
        page.getByLabel("Set priority", exact()).selectOption("HIGH");
        page.getByLabel("Assign to", exact()).selectOption("me");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to selected").setExact(true))
                .click();

        assertThat(page).hasURL(Pattern.compile("/desk/agent\\?view=all&q=printer&updated=2$"));
        assertThat(page.locator(".agent-bulk-summary")).containsText("2 updated, 0 refused.");
        for (var changed : numbers.subList(0, 2)) {
            assertThat(row(changed)).containsText("High");
            assertThat(row(changed).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("desk-agent")))
                    .isVisible();
        }
        assertThat(row(numbers.get(2))).containsText("Low");
        assertThat(row(numbers.get(2))).containsText("Unassigned");
        assertThat(page.getByLabel("Select " + numbers.get(0), exact())).not().isChecked();
        screenshot("desk-agent-bulk");
    }
}
