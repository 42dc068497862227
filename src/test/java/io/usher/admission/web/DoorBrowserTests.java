package io.usher.admission.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.usher.admission.AdmissionFixtures;
import io.usher.support.BrowserTest;
import io.usher.support.Users;

/** The door in Chromium, at a phone's width: door staff type a ticket's code, see it admitted, then refused. */
class DoorBrowserTests extends BrowserTest {

    @Autowired
    Users users;

    @Test
    void doorStaffAdmitATypedCodeAndSeeItRefusedTheSecondTime() {
        var fixtures = new AdmissionFixtures(api, users, "http://localhost:" + port);
        var organizer = fixtures.orders.catalog.organizer();
        var sale = fixtures.orders.sale(organizer, 50, 2500);
        var door = fixtures.doorStaffAccount(organizer);
        var buyer = fixtures.orders.catalog.customer();
        var code = (String) fixtures.tickets(buyer, fixtures.orders.paid(buyer, sale, 1), 1).getFirst().get("code");

        page.setViewportSize(390, 844);
        BrowserTest.signIn(page, door.email());
        DoorSteps.openScanner(page, Pattern.compile("^Night "), "North");
        assertThat(page.locator("#door-progress")).hasText("Checked in: 0 of 1");
        page.getByLabel("Ticket code").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();

        var result = page.locator("#scan-result");
        assertThat(result).hasAttribute("role", "status");
        assertThat(result.locator(".scan-admitted")).containsText("Admitted");
        assertThat(result).containsText("Ann Buyer");
        assertThat(result).containsText("General admission");
        assertThat(page.locator("#door-progress")).hasText("Checked in: 1 of 1");
        // htmx swapped the result in place and emptied the field for the next ticket
        assertThat(page.getByLabel("Ticket code")).hasValue("");
        screenshot("door-admitted");

        page.getByLabel("Ticket code").fill(code.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();

        assertThat(result.locator(".scan-refused")).containsText("Already checked in");
        assertThat(result).containsText(Pattern.compile("at \\d\\d:\\d\\d:\\d\\d.*, gate North"));
        assertThat(page.locator("#door-progress")).hasText("Checked in: 1 of 1");
        screenshot("door-already-checked-in");

        // the gate is remembered on this device
        page.reload();
        assertThat(page.getByLabel("Gate")).hasValue("North");
    }
}
