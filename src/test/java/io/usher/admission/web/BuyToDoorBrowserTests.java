package io.usher.admission.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.usher.admission.AdmissionFixtures;
import io.usher.identity.Role;
import io.usher.support.BrowserTest;
import io.usher.support.Mailbox;
import io.usher.support.Users;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * From a buyer's browser to the door, in Chromium: two tickets bought with the test card, the confirmation e-mail
 * with the PDF, the ticket page with its QR code, and the scanner page admitting the ticket once.
 */
class BuyToDoorBrowserTests extends BrowserTest {

    @Autowired
    Users users;

    @Test
    void aBuyerPaysForTwoTicketsGetsThemByMailAndIsAdmittedOnce() throws Exception {
        var fixtures = new AdmissionFixtures(api, users, "http://localhost:" + port);
        var organizer = fixtures.orders.catalog.organizer();
        var sale = fixtures.orders.sale(organizer, 50, 2500);
        var door = fixtures.doorStaffAccount(organizer);
        var buyerEmail = users.create("buyer", Role.CUSTOMER);

        // Usher's absolute links (gateway redirects, links in mails) use its configured base URL, port 8080; this
        // test's server listens on another port. (The page's CSP allows forms to lead to the base URL's origin.)
        // The browser is sent on to the same path here, so each page is this server's own.
        page.context().route("http://localhost:8080/**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(302).setHeaders(Map.of("Location",
                        route.request().url().replace("http://localhost:8080", "http://localhost:" + port)))));

        // The buyer holds two tickets on the event page and pays on the test gateway's hosted page.
        BrowserTest.signIn(page, buyerEmail);
        page.navigate("/events/" + sale.eventId());
        page.locator("#quantity-" + sale.ticketTypeId()).selectOption(new SelectOption().setLabel("2"));
        button(page, "Hold tickets").click();
        assertThat(page).hasURL(Pattern.compile("/holds/"));
        page.getByLabel("Name on the order").fill("Ann Buyer");
        page.getByLabel("E-mail for the tickets").fill(buyerEmail);
        button(page, "Continue to payment").click();
        assertThat(page).hasURL(Pattern.compile("/pay/test/"));
        page.getByLabel("Card number").fill("4242 4242 4242 4242");
        page.getByLabel("Expiry date (MM/YY)").fill("12/39");
        page.getByLabel("Security code (CVC)").fill("123");
        button(page, "Pay €50.00").click();
        assertThat(page).hasURL(Pattern.compile("/orders/"));
        // the gateway's signed webhook, not the browser, makes the order paid
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            page.reload();
            return page.locator("#order-paid").isVisible();
        });
        screenshot("order-paid");

        // The confirmation e-mail lists both codes, links to the tickets and carries the PDF.
        var mail = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> Mailbox.messagesTo(buyerEmail), messages -> !messages.isEmpty()).getFirst();
        var parts = new ArrayList<Part>();
        collect(mail, parts);
        var text = parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow().getContent()
                .toString();
        var codes = Pattern.compile("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}").matcher(text)
                .results().map(m -> m.group()).distinct().toList();
        assertThat(codes).hasSize(2);
        assertThat(parts).anySatisfy(p -> assertThat(isType(p, "application/pdf")).isTrue());
        var link = Pattern.compile("(http://\\S+/tickets)\\b").matcher(text);
        assertThat(link.find()).as(text).isTrue();

        // The buyer opens the link and one ticket: its QR code and its code.
        page.navigate(link.group(1));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My tickets"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(codes.getFirst())).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(Pattern.compile("^Night "));
        assertThat(page.locator(".ticket-code-large")).hasText(codes.getFirst());
        assertThat(page.locator(".ticket-qr svg")).isVisible();
        screenshot("ticket");

        // At the door, staff type the code: green the first time, red "already checked in" the second.
        var scanner = newVisitor();
        BrowserTest.signIn(scanner, door.email());
        scanner.navigate("/door/events/" + sale.eventId());
        scanner.getByLabel("Gate").fill("East");
        scanner.getByLabel("Ticket code").fill(codes.getFirst());
        button(scanner, "Check in").click();
        var result = scanner.locator("#scan-result");
        assertThat(result.locator(".scan-admitted")).containsText("Admitted");
        assertThat(result).containsText("Ann Buyer");
        screenshot(scanner, "door-admitted");

        scanner.getByLabel("Ticket code").fill(codes.getFirst());
        button(scanner, "Check in").click();
        assertThat(result.locator(".scan-refused")).containsText("Already checked in");
        assertThat(result).containsText("gate East");
        screenshot(scanner, "door-refused");

        // and the buyer's ticket page now says so
        page.reload();
        assertThat(page.locator("main")).containsText("Checked in");
        var stats = api.as(organizer.token()).get("/api/v1/events/" + sale.eventId() + "/admission-stats");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.text()).contains("\"checkedIn\":1");
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void collect(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), into);
            }
        } else {
            into.add(part);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }
}
