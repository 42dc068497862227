package io.usher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;

/** The buyer's side of tickets: pages, PDFs, and giving a ticket to someone else. */
class TicketsIntegrationTests extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Users users;

    AdmissionFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    CatalogFixtures.Sale sale;
    String buyer;
    String base;

    @BeforeEach
    void fixtures() {
        base = "http://localhost:" + port;
        fixtures = new AdmissionFixtures(api, users, base);
        organizer = fixtures.orders.catalog.organizer();
        sale = fixtures.orders.sale(organizer, 100, 2500);
        buyer = fixtures.orders.catalog.customer();
    }

    @Test
    void showsMyTicketsByEventAndOneTicketWithItsQrCodeToOnlyMe() {
        var order = fixtures.orders.paid(buyer, sale, 2);
        var tickets = fixtures.tickets(buyer, order, 2);
        var ticket = tickets.getFirst();
        var browser = new PageClient(base).withCookie("usher_at", buyer);

        var list = browser.get("/tickets");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("My tickets").contains("Thursday 1 May 2031, 20:00 (Europe/Berlin)")
                .contains((String) tickets.get(0).get("code")).contains((String) tickets.get(1).get("code"))
                .contains("href=\"/tickets/" + ticket.get("id") + "\"");

        var page = browser.get("/tickets/" + ticket.get("id"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Thursday 1 May 2031, 20:00 (Europe/Berlin)").contains("Harbour Hall, Hamburg")
                .contains("Ann Buyer")
                .contains("General admission").contains("data-ticket-status=\"VALID\"")
                .contains("shape-rendering=\"crispEdges\"")
                .contains("class=\"ticket-code-large\">" + ticket.get("code") + "<")
                .contains("href=\"/tickets/" + ticket.get("id") + ".pdf\"").contains("Download PDF")
                .contains("Give this ticket to someone else");
        assertThat(new PageClient(base).withCookie("usher_at", fixtures.orders.catalog.customer())
                .get("/tickets/" + ticket.get("id")).status()).isEqualTo(404);
        assertThat(new PageClient(base).get("/tickets/" + ticket.get("id")).location())
                .contains("/login?next=%2Ftickets%2F");
        assertThat(browser.get("/orders/" + order).body()).contains("href=\"/tickets\"")
                .contains("href=\"/orders/" + order + "/tickets.pdf\"");
    }

    @Test
    void showsACheckedInTicketAsSuchAndAVoidedOneWithoutAQrCode() {
        var door = fixtures.doorStaff(organizer);
        var order = fixtures.orders.paid(buyer, sale, 1);
        var ticket = fixtures.tickets(buyer, order, 1).getFirst();
        var browser = new PageClient(base).withCookie("usher_at", buyer);
        assertThat(fixtures.checkIn(door, sale.eventId(), "qrToken", (String) ticket.get("qrToken"), "North").status())
                .isEqualTo(200);

        assertThat(browser.get("/tickets/" + ticket.get("id")).body()).contains("id=\"ticket-checked-in\"")
                .contains("gate North").doesNotContain("Give this ticket to someone else");
        assertThat(browser.get("/tickets").body()).contains("data-ticket-status=\"CHECKED_IN\"");

        var refunded = fixtures.orders.paid(buyer, sale, 1);
        var voided = fixtures.tickets(buyer, refunded, 1).getFirst();
        refund(refunded, 2500);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> browser.get("/tickets/" + voided.get("id")).body().contains("id=\"ticket-voided\""));
        var page = browser.get("/tickets/" + voided.get("id")).body();
        assertThat(page).contains("data-ticket-status=\"VOIDED\"").doesNotContain("<svg")
                .contains((String) voided.get("code"));
        assertThat(browser.get("/tickets").body()).contains("data-ticket-status=\"VOIDED\"");
    }

    @Test
    void printsATicketAndAWholeOrderOnePageEachWithCodeAndAScannableQrCode() throws Exception {
        var order = fixtures.orders.paid(buyer, sale, 2, "attendees", List.of(Map.of("name", "Zoë Łukasz 山田"),
                Map.of("name", "Bob Guest")));
        var tickets = fixtures.tickets(buyer, order, 2);
        var zoe = tickets.stream().filter(t -> t.get("holderName").equals("Zoë Łukasz 山田")).findFirst().orElseThrow();

        var one = download("/api/v1/me/tickets/" + zoe.get("id") + "/pdf", buyer, false);
        try (var pdf = Loader.loadPDF(one)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text(pdf)).contains((String) zoe.get("code")).contains("Zoë Lukasz ??")
                    .contains("Thursday 1 May 2031, 20:00 (Europe/Berlin)").contains("Harbour Hall, Hamburg")
                    .contains("General admission");
            assertThat(qrOf(pdf, 0)).isEqualTo(zoe.get("qrToken"));
        }
        assertThat(download("/tickets/" + zoe.get("id") + ".pdf", buyer, true)).startsWith("%PDF".getBytes());
        for (var path : List.of("/api/v1/me/orders/" + order + "/tickets.pdf", "/orders/" + order + "/tickets.pdf")) {
            try (var pdf = Loader.loadPDF(download(path, buyer, path.startsWith("/orders")))) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(2);
                assertThat(text(pdf)).contains((String) tickets.get(0).get("code"))
                        .contains((String) tickets.get(1).get("code")).contains("Bob Guest");
            }
        }
        var stranger = fixtures.orders.catalog.customer();
        assertThat(api.as(stranger).get("/api/v1/me/orders/" + order + "/tickets.pdf").code())
                .isEqualTo("admission.ticket_not_found");
        assertThat(api.as(stranger).get("/api/v1/me/tickets/" + zoe.get("id") + "/pdf").status()).isEqualTo(404);
        assertThat(new PageClient(base).get("/orders/" + order + "/tickets.pdf").location())
                .startsWith("/login?next=");
    }

    @Test
    void changesTheHolderSoOnlyTheReissuedQrCodeAdmits() {
        var door = fixtures.doorStaff(organizer);
        var order = fixtures.orders.paid(buyer, sale, 1);
        var ticket = fixtures.tickets(buyer, order, 1).getFirst();
        var oldToken = (String) ticket.get("qrToken");

        var changed = api.as(buyer).put("/api/v1/me/tickets/" + ticket.get("id") + "/holder", Map.of("name", "Carla Friend"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.get("holderName")).isEqualTo("Carla Friend");
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        var newToken = changed.get("qrToken");
        assertThat(newToken).isNotEqualTo(oldToken);
        var old = fixtures.checkIn(door, sale.eventId(), "qrToken", oldToken, "A");
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.code()).isEqualTo("admission.ticket_reissued");
        var admitted = fixtures.checkIn(door, sale.eventId(), "qrToken", newToken, "A");
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(200);
        assertThat(admitted.get("holderName")).isEqualTo("Carla Friend");

        var afterCheckIn = api.as(buyer).put("/api/v1/me/tickets/" + ticket.get("id") + "/holder", Map.of("name", "Dan"));
        assertThat(afterCheckIn.status()).isEqualTo(409);
        assertThat(afterCheckIn.code()).isEqualTo("admission.transfer_closed");
        assertThat(api.as(fixtures.orders.catalog.customer()).put("/api/v1/me/tickets/" + ticket.get("id") + "/holder",
                Map.of("name", "Mallory")).status()).isEqualTo(404);
        var blank = api.as(buyer).put("/api/v1/me/tickets/" + ticket.get("id") + "/holder", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("request.validation_failed");
    }

    @Test
    void refusesToChangeTheHolderOfAVoidedTicket() {
        var order = fixtures.orders.paid(buyer, sale, 1);
        var ticket = fixtures.tickets(buyer, order, 1).getFirst();
        refund(order, 2500);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> "VOIDED".equals(api.as(buyer).get("/api/v1/me/tickets/" + ticket.get("id")).get("status")));

        var changed = api.as(buyer).put("/api/v1/me/tickets/" + ticket.get("id") + "/holder", Map.of("name", "Carla"));

        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.code()).isEqualTo("admission.transfer_closed");
    }

    @Test
    void changesTheHolderFromTheTicketPage() {
        var order = fixtures.orders.paid(buyer, sale, 1);
        var ticket = fixtures.tickets(buyer, order, 1).getFirst();
        var browser = new PageClient(base).withCookie("usher_at", buyer);
        var path = "/tickets/" + ticket.get("id");
        browser.get(path);

        var changed = browser.post(path + "/holder", Map.of("name", "Carla Friend"));

        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith(path + "?notice=holder-changed");
        assertThat(browser.get(path + "?notice=holder-changed").body()).contains("only the new QR code admits")
                .contains("<dd id=\"holder\">Carla Friend</dd>");
        assertThat(api.as(buyer).get("/api/v1/me/tickets/" + ticket.get("id")).json().get("version").asInt())
                .isEqualTo(2);
        assertThat(browser.post(path + "/holder", Map.of("name", "")).location()).endsWith("?error=holder-name");
        assertThat(browser.postWithoutCsrf(path + "/holder", Map.of("name", "Eve")).status()).isEqualTo(403);
    }

    @Test
    void closesHolderChangesTheConfiguredDayBeforeTheEventStarts() {
        var berlin = ZoneId.of("Europe/Berlin");
        var startsLocal = LocalDateTime.ofInstant(clock.instant(), berlin).plusHours(24).plusMinutes(5)
                .truncatedTo(ChronoUnit.MINUTES);
        var soon = fixtures.orders.sale(organizer, 10, 1000, "startsAt", startsLocal.toString(), "endsAt",
                startsLocal.plusHours(3).toString());
        var order = fixtures.orders.paid(buyer, soon, 1);
        var ticket = fixtures.tickets(buyer, order, 1).getFirst();
        var holder = "/api/v1/me/tickets/" + ticket.get("id") + "/holder";
        var closes = startsLocal.atZone(berlin).toInstant().minus(Duration.ofHours(24));

        clock.advance(Duration.between(clock.instant(), closes.minusSeconds(20)));
        assertThat(api.as(buyer).put(holder, Map.of("name", "Just In Time")).status()).isEqualTo(200);

        clock.advance(Duration.between(clock.instant(), closes));
        var late = api.as(buyer).put(holder, Map.of("name", "Too Late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("admission.transfer_closed");
        assertThat(api.as(buyer).get("/api/v1/me/tickets/" + ticket.get("id")).get("holderName"))
                .isEqualTo("Just In Time");
    }

    private void refund(String order, long amount) {
        var refund = api.as(organizer.token()).with("Idempotency-Key", "refund-" + order)
                .post("/api/v1/orders/" + order + "/refunds", Map.of("amount", amount, "reason", "Buyer cannot come"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
    }

    private byte[] download(String path, String token, boolean page) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (page) {
            request.header("Cookie", "usher_at=" + token);
        } else {
            request.header("Authorization", "Bearer " + token);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains(".pdf");
        return response.body();
    }

    private static String text(PDDocument pdf) throws Exception {
        return new PDFTextStripper().getText(pdf);
    }

    private static String qrOf(PDDocument pdf, int page) throws Exception {
        var resources = pdf.getPage(page).getResources();
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                var raster = image.getImage();
                var pixels = raster.getRGB(0, 0, raster.getWidth(), raster.getHeight(), null, 0, raster.getWidth());
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(raster.getWidth(), raster.getHeight(), pixels)))).getText();
            }
        }
        throw new AssertionError("no image on page " + page);
    }
}
