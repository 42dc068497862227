package io.usher.admission.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.usher.admission.AdmissionFixtures;
import io.usher.admission.internal.QrCodes;
import io.usher.support.BrowserTest;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/**
 * The door's camera in Chromium: a video of a ticket's real QR code is the camera (Chromium's fake capture
 * device plays a file), html5-qrcode reads it, and the page admits the ticket once. Set up like
 * {@link BrowserTest} (its launch options and error watch: system Chromium, script errors and CSP violations fail the
 * test), but with a browser of its own: the video is a launch argument, and it can only be written once the test
 * has issued the ticket.
 */
class DoorCameraBrowserTests extends IntegrationTest {

    private static final double TIMEOUT_MS = 15_000;
    /** html5-qrcode reads a few frames a second once the camera runs; starting it can be slow on a busy machine. */
    private static final double CAMERA_TIMEOUT_MS = 20_000;
    /** door.js posts the same code again only after this pause (its SAME_CODE_PAUSE_MS is 3 s). */
    private static final double SAME_CODE_PAUSE_MS = 3_000;
    /**
     * Pixels a module, frame by frame: the phone-width reader shows the 640-pixel video about 360 pixels wide and
     * reads its middle 250 (about 450 video pixels), so the code, 57 modules with its quiet zone, fits there at 7
     * (399 pixels). The reader scales that square down to 250 pixels before decoding; a code it happens to miss at
     * one size (as any decoder misses a few) it reads at the other, as a hand moving a phone gives several.
     */
    private static final int[] PIXELS_PER_MODULE = {7, 6};

    @Autowired
    Users users;

    @TempDir
    Path temp;

    @Test
    void doorStaffAdmitATicketShownToTheCameraOnceAndSeeItRefusedWhileItStaysInView() throws IOException {
        var fixtures = new AdmissionFixtures(api, users, "http://localhost:" + port);
        var organizer = fixtures.orders.catalog.organizer();
        var sale = fixtures.orders.sale(organizer, 50, 2500);
        var door = fixtures.doorStaffAccount(organizer);
        var buyer = fixtures.orders.catalog.customer();
        // the token the ticket page's QR code and the PDF's carry
        var token = (String) fixtures.tickets(buyer, fixtures.orders.paid(buyer, sale, 1), 1).getFirst()
                .get("qrToken");
        assertThat(token).startsWith(DoorPages.TOKEN_PREFIX);
        var qr = new QrCodes();
        var video = QrVideo.write(temp.resolve("ticket.y4m"), qr.raster(token, PIXELS_PER_MODULE[0]),
                qr.raster(token, PIXELS_PER_MODULE[1]));

        var browserErrors = new CopyOnWriteArrayList<String>();
        try (var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                var browser = playwright.chromium().launch(BrowserTest.launchOptions(
                        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                        "--use-file-for-fake-video-capture=" + video.toAbsolutePath()))) {
            PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
            var context = browser.newContext(new Browser.NewContextOptions()
                    .setBaseURL("http://localhost:" + port)
                    .setLocale("en-GB")
                    .setViewportSize(390, 844));
            context.setDefaultTimeout(TIMEOUT_MS);
            context.grantPermissions(List.of("camera"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin("http://localhost:" + port));
            var page = context.newPage();
            BrowserTest.watchForErrors(page, browserErrors);
            var scans = new CopyOnWriteArrayList<Request>();
            page.onRequestFinished(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/checkins")) {
                    scans.add(request);
                }
            });

            BrowserTest.signIn(page, door.email());
            DoorSteps.openScanner(page, Pattern.compile("^Night "), "North");
            assertThat(page.locator("#door-progress")).hasText("Checked in: 0 of 1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start camera")).click();

            // Green, for as long as door.js's pause (the next post of the same code turns it red): one assertion,
            // so that it is all seen at once.
            var result = page.locator("#scan-result");
            assertThat(result.locator(".scan-admitted")).hasText(
                    Pattern.compile("Admitted\\s+Ann Buyer\\s+General admission"),
                    new LocatorAssertions.HasTextOptions().setTimeout(CAMERA_TIMEOUT_MS));
            BrowserTest.screenshot(page, "door-camera-admitted");
            assertThat(page.locator("#door-progress")).hasText("Checked in: 1 of 1");
            assertThat(page.locator("[data-camera-status]")).hasText("Point the camera at a ticket’s QR code.");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop camera")))
                    .isVisible();
            assertThat(checkedIn(organizer.token(), sale.eventId())).isEqualTo(1);
            // what the camera read is what was posted: the whole signed token, at the gate typed
            page.waitForCondition(() -> !scans.isEmpty());
            assertThat(form(scans.getFirst())).containsEntry("ticket", token).containsEntry("gate", "North");
            assertThat(scans.getFirst().response().text()).contains("Admitted");

            // The ticket stays in front of the camera: door.js posts the same code again after its pause, and the
            // door sees it refused, with the time and gate of the first scan; the count does not move.
            assertThat(result.locator(".scan-refused")).containsText("Already checked in",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(CAMERA_TIMEOUT_MS));
            assertThat(result).containsText("Ann Buyer");
            assertThat(result).containsText(Pattern.compile("at \\d\\d:\\d\\d:\\d\\d.*, gate North"));
            assertThat(page.locator("#door-progress")).hasText("Checked in: 1 of 1");
            assertThat(checkedIn(organizer.token(), sale.eventId())).isEqualTo(1);
            // ten frames a second of one code were one post, then one more only after the pause
            page.waitForCondition(() -> scans.size() >= 2);
            assertThat(scans.get(1).timing().startTime - scans.get(0).timing().startTime)
                    .isGreaterThan(SAME_CODE_PAUSE_MS - 500);
            assertThat(form(scans.get(1))).containsEntry("ticket", token);
            BrowserTest.screenshot(page, "door-camera-already-checked-in");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop camera")).click();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start camera")))
                    .isVisible();
            context.close();
        }
        assertThat(browserErrors).as("script errors and CSP violations in the browser").isEmpty();
    }

    private long checkedIn(String organizer, String event) {
        var stats = api.as(organizer).get("/api/v1/events/" + event + "/admission-stats");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        return stats.json().get("checkedIn").asLong();
    }

    private static Map<String, String> form(Request post) {
        return Arrays.stream(post.postData().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (first, second) -> first));
    }
}
