package io.usher.catalog.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.usher.catalog.CatalogFixtures;
import io.usher.identity.Role;
import io.usher.support.BrowserTest;
import io.usher.support.Users;

/**
 * The box office in Chromium: an organizer puts an event on sale through the console, buyers find it, pick seats
 * on the live seat map and hold them while others watch the seats go, holds count down and are released.
 */
class StorefrontBrowserTests extends BrowserTest {

    private static final Pattern HOLD_PAGE = Pattern.compile("/holds/[0-9a-f-]{36}\\?notice=held$");
    private static final Pattern COUNTDOWN = Pattern.compile("^\\d{1,3}:\\d\\d$");

    @Autowired
    Users users;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(api, users);
    }

    @Test
    void anOrganizerPublishesAnEventWhoseSeatsTwoBuyersThenCompeteFor() {
        var organizer = fixtures.organizer();
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var title = "Harbour Lights " + suffix;

        // (a) The organizer creates a venue with a small plan, an event there, a seated and a standing ticket
        // type, and publishes it.
        signIn(page, organizer.email());
        page.navigate("/organizer/venues/new");
        page.getByLabel("Venue name").fill("Pier Hall " + suffix);
        page.getByLabel("Address").fill("Am Kai 3, Hamburg");
        page.getByLabel("Time zone").fill("Europe/Berlin");
        page.getByLabel("Capacity").fill("200");
        var section = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Section 1"));
        section.getByLabel("Name").fill("A");
        section.getByLabel("Rows from").fill("1");
        section.getByLabel("Rows to").fill("3");
        section.getByLabel("Seats per row").fill("8");
        section.getByLabel("Accessible seats").fill("1");
        screenshot("organizer-new-venue");
        button(page, "Create venue").click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The venue is saved.");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Seat map: 1 section, 24 seats.")))
                .isVisible();
        screenshot("organizer-venue");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Organizer console"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Events")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New event")).click();
        page.getByLabel("Title").fill(title);
        page.getByLabel("Description").fill("Sea shanties by the water, **live**.\n\n- Doors at 19:00");
        page.getByLabel("Venue", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Pier Hall " + suffix + " (Europe/Berlin)"));
        page.getByLabel("Starts").fill("2031-06-12T20:00");
        page.getByLabel("Ends").fill("2031-06-12T23:00");
        screenshot("organizer-new-event");
        button(page, "Create draft").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
        assertThat(page.locator("#event-status")).hasText("Draft");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a ticket type")).click();
        page.getByLabel("Name").fill("Reserved");
        page.getByLabel("Price").fill("30");
        page.getByLabel("Seated: the seats of sections of the venue").check();
        page.getByLabel("Section A (24 seats)").check();
        button(page, "Add ticket type").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The ticket type is added.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a ticket type")).click();
        page.getByLabel("Name").fill("Standing");
        page.getByLabel("Price").fill("15.50");
        page.getByLabel("Capacity").fill("50");
        button(page, "Add ticket type").click();

        var types = page.getByRole(AriaRole.TABLE);
        assertThat(types).containsText("Seated: section A");
        assertThat(types).containsText("General admission");
        assertThat(types).containsText("€15.50");
        screenshot("organizer-event");

        page.getByText("Publish…").click();
        button(page, "Yes, publish now").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The event is published: it is on sale now.");
        assertThat(page.locator("#event-status")).hasText("Published");

        // (b) A buyer finds it by its title, opens it and picks two seats on the map.
        var buyer = newVisitor();
        signIn(buyer, users.create("first-buyer", Role.CUSTOMER));
        buyer.navigate("/");
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find events and tickets")).click();
        buyer.getByLabel("Search").fill(title);
        button(buyer, "Find events").click();
        assertThat(buyer.getByRole(AriaRole.STATUS)).hasText("One event");
        screenshot(buyer, "events");
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();

        assertThat(buyer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
        assertThat(buyer.locator(".event-description strong")).hasText("live");
        assertThat(buyer.locator("[data-live-status]")).hasText("Live: counts update as tickets go.");
        seat(buyer, "A", "2", 4, "free").click();
        seat(buyer, "A", "2", 5, "free").press(" ");
        assertThat(seat(buyer, "A", "2", 4, "selected")).isChecked();
        assertThat(seat(buyer, "A", "2", 5, "selected")).isChecked();
        assertThat(buyer.locator("#seat-summary")).hasText(
                "2 seats picked: Section A, row 2, seat 4; Section A, row 2, seat 5.");

        // (c) Meanwhile another buyer has the page open twice: once live, once with its live updates cut off (a
        // page that went stale), where they pick one of the same seats.
        var other = newVisitor();
        signIn(other, users.create("second-buyer", Role.CUSTOMER));
        other.navigate(buyer.url());
        assertThat(seat(other, "A", "2", 4, "free")).isVisible();
        assertThat(other.locator("[data-live-status]")).hasText("Live: counts update as tickets go.");
        var stale = other.context().newPage();
        stale.route("**/availability/stream", Route::abort);
        stale.navigate(buyer.url());
        seat(stale, "A", "2", 4, "free").click();

        button(buyer, "Hold 2 seats").click();

        assertThat(buyer).hasURL(HOLD_PAGE);
        assertThat(buyer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your tickets on hold")))
                .isVisible();
        assertThat(buyer.locator(".held-seats li")).hasText(new String[] {"Section A, row 2, seat 4",
                "Section A, row 2, seat 5"});
        assertThat(buyer.locator("#hold-total")).hasText("€60.00");
        var countdown = buyer.locator("[data-countdown-text]");
        assertThat(countdown).hasText(COUNTDOWN);
        var shown = countdown.textContent();
        assertThat(countdown).not().hasText(shown);
        screenshot(buyer, "hold");

        assertThat(seat(other, "A", "2", 4, "taken")).isVisible();
        assertThat(seat(other, "A", "2", 5, "taken")).isVisible();
        assertThat(seat(other, "A", "2", 4, "taken")).hasAttribute("aria-disabled", "true");
        assertThat(other.locator(".ticket-list.seated [data-left]")).hasText("22 left");
        screenshot(other, "event-seats-taken");

        button(stale, "Hold 1 seat").click();
        assertThat(stale.getByRole(AriaRole.ALERT)).hasText(
                "Someone else has just taken Section A, row 2, seat 4. That seat is no longer available: pick other seats.");
        assertThat(seat(stale, "A", "2", 4, "taken")).isVisible();

        // The organizer watches the seats go on the live view.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Live availability")).click();
        var reserved = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Reserved"));
        assertThat(reserved.locator("[data-count=held]")).hasText("2");
        assertThat(reserved.locator("[data-count=available]")).hasText("22");
        screenshot("organizer-live");

        buyer.setViewportSize(390, 844);
        screenshot(buyer, "hold-phone");
        other.setViewportSize(390, 844);
        screenshot(other, "event-phone");
        other.locator(".seat-map").scrollIntoViewIfNeeded();
        other.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "event-phone-map.png")));
    }

    @Test
    void holdsTheBestAvailableSeatsAndReleasingThemPutsThemBackOnTheMap() {
        var organizer = fixtures.organizer();
        var sale = fixtures.seatedSale(organizer, "Best seats " + UUID.randomUUID().toString().substring(0, 8), 3, 6,
                20);
        signIn(page, users.create("picky", Role.CUSTOMER));
        page.navigate("/events/" + sale.eventId());
        screenshot("event");

        seat(page, "A", "1", 3, "free").focus();
        page.keyboard().press("ArrowRight");
        assertThat(seat(page, "A", "1", 4, "free")).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(seat(page, "A", "2", 4, "free")).isFocused();
        page.keyboard().press("Space");
        assertThat(seat(page, "A", "2", 4, "selected")).isChecked();
        assertThat(button(page, "Hold 1 seat")).isEnabled();
        page.keyboard().press("Enter");
        assertThat(seat(page, "A", "2", 4, "free")).not().isChecked();

        page.getByLabel("Best available").selectOption("2");
        button(page, "Find seats for Reserved seat").click();

        assertThat(page).hasURL(HOLD_PAGE);
        var held = page.locator(".held-seats li");
        assertThat(held).hasCount(2);
        var seats = held.allTextContents();
        assertThat(page.locator("#hold-total")).hasText("€60.00");

        button(page, "Release these tickets").click();

        assertThat(page).hasURL(Pattern.compile("/events/" + sale.eventId() + "\\?notice=hold-released$"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText(
                "Your hold is released; the tickets are back on sale.");
        for (var name : seats) { // "Section A, row 1, seat 2": nothing a regular expression reads differently
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^" + name + "(, accessible seat)?, free$")))).isVisible();
        }
        assertThat(page.locator(".ticket-list.seated [data-left]")).hasText("18 left");
    }

    @Test
    void holdsStandingTicketsAndTellsWhenTheHoldHasExpired() {
        var organizer = fixtures.organizer();
        var sale = fixtures.seatedSale(organizer, "Standing room " + UUID.randomUUID().toString().substring(0, 8), 1,
                4, 5);
        page.clock().install();
        signIn(page, users.create("stander", Role.CUSTOMER));
        page.navigate("/events/" + sale.eventId());

        page.getByLabel("Number of Standing tickets").selectOption(new SelectOption().setLabel("3"));
        button(page, "Hold tickets").click();

        assertThat(page).hasURL(HOLD_PAGE);
        var line = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Standing"));
        assertThat(line).containsText("3");
        assertThat(page.locator("#hold-total")).hasText("€45.00");
        assertThat(page.locator("[data-countdown-text]")).hasText(COUNTDOWN);
        assertThat(button(page, "Release these tickets")).isVisible();

        page.clock().fastForward(16 * 60 * 1000);

        assertThat(page.locator("[data-countdown-text]")).hasText("expired");
        assertThat(page.getByText("This hold has expired")).isVisible();
        assertThat(button(page, "Release these tickets")).isHidden();
        screenshot("hold-expired");
    }

    /** A seat of the map by what its label says: "Section A, row 2, seat 4, free". */
    private static Locator seat(Page page, String section, String row, int number, String state) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile(
                "^Section " + section + ", row " + row + ", seat " + number + "(, accessible seat)?, " + state + "$")));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
