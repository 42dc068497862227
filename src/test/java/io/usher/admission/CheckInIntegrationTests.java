package io.usher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Tickets issued from paid orders, and check-in at the door: online, concurrent, offline. */
class CheckInIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    AdmissionFixtures fixtures;
    CatalogFixtures.Organizer organizer;
    CatalogFixtures.Sale sale;
    String buyer;
    String door;

    @BeforeEach
    void fixtures() {
        fixtures = new AdmissionFixtures(api, users, "http://localhost:" + port);
        organizer = fixtures.orders.catalog.organizer();
        sale = fixtures.orders.sale(organizer, 100, 2500);
        buyer = fixtures.orders.catalog.customer();
        door = fixtures.doorStaff(organizer);
    }

    @Test
    void issuesOneTicketPerPaidSeatWithACodeAndATokenSignedWithTheEventsPublishedKey() throws Exception {
        var order = fixtures.orders.paid(buyer, sale, 2);

        var tickets = fixtures.tickets(buyer, order, 2);
        assertThat(tickets).hasSize(2).allSatisfy(t -> {
            assertThat((String) t.get("code")).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}");
            assertThat(t.get("status")).isEqualTo("VALID");
            assertThat(t.get("holderName")).isEqualTo("Ann Buyer");
            assertThat(t.get("eventId")).isEqualTo(sale.eventId());
        });
        assertThat(tickets).extracting(t -> t.get("code")).doesNotHaveDuplicates();

        var manifest = api.as(door).get("/api/v1/events/" + sale.eventId() + "/checkin-manifest");
        assertThat(manifest.status()).as(manifest.toString()).isEqualTo(200);
        assertThat(manifest.get("algorithm")).isEqualTo("Ed25519");
        assertThat(manifest.json().get("tickets").size()).isEqualTo(2);
        // a door device's view: the JDK's own Ed25519, the manifest's raw public key, the token's bytes
        var publicKey = Base64.getUrlDecoder().decode(manifest.get("publicKey"));
        for (var ticket : tickets) {
            var token = (String) ticket.get("qrToken");
            assertThat(token).startsWith("U1.").hasSize(138);
            var bytes = Base64.getUrlDecoder().decode(token.substring(3));
            assertThat(verifies(publicKey, bytes)).isTrue();
            bytes[40] ^= 1;
            assertThat(verifies(publicKey, bytes)).isFalse();
        }
    }

    @Test
    void admitsATicketOnceAndTellsTheSecondScanWhenAndWhere() {
        var order = fixtures.orders.paid(buyer, sale, 1);
        var ticket = fixtures.tickets(buyer, order, 1).getFirst();

        var first = fixtures.checkIn(door, sale.eventId(), "qrToken", (String) ticket.get("qrToken"), "North");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.get("result")).isEqualTo("ADMITTED");
        assertThat(first.get("holderName")).isEqualTo("Ann Buyer");
        assertThat(first.get("gate")).isEqualTo("North");

        var again = fixtures.checkIn(door, sale.eventId(), "code",
                ((String) ticket.get("code")).toLowerCase().replace("-", " "), "South");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("admission.already_checked_in");
        assertThat(again.get("gate")).isEqualTo("North");
        assertThat(Instant.parse(again.get("checkedInAt"))).isEqualTo(Instant.parse(first.get("checkedInAt")));
        assertThat(api.as(buyer).get("/api/v1/me/tickets/" + ticket.get("id")).get("checkedInAt")).isNotNull();
    }

    @Test
    void admitsEachTicketExactlyOnceWhenTwoGatesScanItAtTheSameMoment() throws Exception {
        var tickets = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 2; i++) {
            var someone = fixtures.orders.catalog.customer();
            tickets.addAll(fixtures.tickets(someone, fixtures.orders.paid(someone, sale, 10), 10));
        }
        var admitted = new ConcurrentLinkedQueue<String>();
        var refused = new ConcurrentLinkedQueue<String>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var ticket : tickets) {
                for (var gate : List.of("A", "B", "C")) {
                    pool.submit(() -> {
                        start.await();
                        var scan = fixtures.checkIn(door, sale.eventId(), "qrToken", (String) ticket.get("qrToken"), gate);
                        (scan.status() == 200 ? admitted : refused).add(ticket.get("id") + " " + scan.status() + " "
                                + scan.code());
                        return null;
                    });
                }
            }
            start.countDown();
        }
        assertThat(admitted).hasSize(20);
        assertThat(admitted.stream().map(a -> a.split(" ")[0])).doesNotHaveDuplicates();
        assertThat(refused).hasSize(40).allMatch(r -> r.endsWith("409 admission.already_checked_in"));
    }

    @Test
    void refusesWhatIsNotAValidTicketOfThisEventEachWithItsOwnCode() {
        var order = fixtures.orders.paid(buyer, sale, 2);
        var tickets = fixtures.tickets(buyer, order, 2);
        var token = (String) tickets.getFirst().get("qrToken");
        var other = fixtures.orders.sale(organizer, 10, 1000);

        assertThat(fixtures.checkIn(door, other.eventId(), "qrToken", token, "A").code())
                .isEqualTo("admission.wrong_event");
        assertThat(fixtures.checkIn(door, other.eventId(), "code", (String) tickets.getFirst().get("code"), "A").code())
                .isEqualTo("admission.wrong_event");
        var forged = token.substring(0, 60) + (token.charAt(60) == 'A' ? 'B' : 'A') + token.substring(61);
        var forgedScan = fixtures.checkIn(door, sale.eventId(), "qrToken", forged, "A");
        assertThat(forgedScan.status()).isEqualTo(422);
        assertThat(forgedScan.code()).isEqualTo("admission.invalid_signature");
        var malformed = fixtures.checkIn(door, sale.eventId(), "qrToken", "https://example.test/not-a-ticket", "A");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("admission.malformed_ticket");
        assertThat(fixtures.checkIn(door, sale.eventId(), "code", "2222-2222-22", "A").code())
                .isEqualTo("admission.ticket_not_found");
        var both = api.as(door).post("/api/v1/checkins", Map.of("eventId", sale.eventId(), "code",
                tickets.getFirst().get("code"), "qrToken", token, "gate", "A"));
        assertThat(both.code()).isEqualTo("admission.malformed_ticket");

        var refund = api.as(organizer.token()).with("Idempotency-Key", "refund-1").post("/api/v1/orders/" + order + "/refunds",
                Map.of("amount", 5000, "reason", "Buyer cannot come"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        var voided = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> fixtures.checkIn(door, sale.eventId(), "qrToken", token, "A"), r -> r.status() != 200
                        && "admission.ticket_voided".equals(r.code()));
        assertThat(voided.status()).isEqualTo(409);
        var manifest = api.as(door).get("/api/v1/events/" + sale.eventId() + "/checkin-manifest").json();
        assertThat(manifest.get("voidedTicketIds").size()).isEqualTo(2);
        assertThat(manifest.get("tickets").size()).isZero();
    }

    @Test
    void refusesTheTicketsOfAnOrderItsBuyerCancelled() {
        var refundable = fixtures.orders.sale(organizer, 10, 2500, "refundDaysBefore", 7);
        var order = fixtures.orders.paid(buyer, refundable, 1);
        var token = (String) fixtures.tickets(buyer, order, 1).getFirst().get("qrToken");

        var cancelled = api.as(buyer).post("/api/v1/orders/" + order + "/cancellation", Map.of("reason", "Ill"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        var scan = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> fixtures.checkIn(door, refundable.eventId(), "qrToken", token, "A"),
                        r -> "admission.ticket_voided".equals(r.code()));
        assertThat(scan.status()).isEqualTo(409);
        assertThat(scan.get("detail")).contains("order cancelled");
    }

    @Test
    void onlyDoorStaffOfTheOrganizingOrganizationMayCheckIn() {
        var order = fixtures.orders.paid(buyer, sale, 1);
        var token = (String) fixtures.tickets(buyer, order, 1).getFirst().get("qrToken");
        var otherOrganizer = fixtures.orders.catalog.organizer();
        var strangerAtTheDoor = fixtures.doorStaff(otherOrganizer);

        assertThat(fixtures.checkIn(buyer, sale.eventId(), "qrToken", token, "A").status()).isEqualTo(403);
        var stranger = fixtures.checkIn(strangerAtTheDoor, sale.eventId(), "qrToken", token, "A");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("admission.not_door_staff");
        assertThat(api.as(strangerAtTheDoor).get("/api/v1/events/" + sale.eventId() + "/checkin-manifest").status())
                .isEqualTo(403);
        assertThat(fixtures.checkIn(organizer.token(), sale.eventId(), "qrToken", token, "A").status()).isEqualTo(200);
    }

    @Test
    void uploadsOfflineScansAndReportsTicketsAdmittedTwice() {
        var order = fixtures.orders.paid(buyer, sale, 3);
        var tickets = fixtures.tickets(buyer, order, 3);
        assertThat(fixtures.checkIn(door, sale.eventId(), "qrToken", (String) tickets.get(0).get("qrToken"), "Main")
                .status()).isEqualTo(200);

        var scannedAt = clock.instant().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var scans = new ArrayList<Map<String, Object>>();
        for (var ticket : tickets) {
            scans.add(Map.of("qrToken", ticket.get("qrToken"), "gate", "Side", "scannedAt", scannedAt.toString()));
        }
        scans.add(Map.of("code", "2222-2222-22", "gate", "Side", "scannedAt", scannedAt.toString()));
        var upload = api.as(door).post("/api/v1/events/" + sale.eventId() + "/checkins/offline",
                Map.of("device", "scanner-7", "scans", scans));

        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        var json = upload.json();
        assertThat(json.get("admitted").asInt()).isEqualTo(2);
        assertThat(json.get("conflicts").asInt()).isEqualTo(1);
        assertThat(json.get("refused").asInt()).isEqualTo(1);
        var results = json.get("results");
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("CONFLICT");
        assertThat(results.get(0).get("gate").asString()).isEqualTo("Main");
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("ADMITTED");
        assertThat(Instant.parse(results.get(1).get("checkedInAt").asString())).isEqualTo(scannedAt);
        assertThat(results.get(3).get("code").asString()).isEqualTo("admission.ticket_not_found");
        assertThat(fixtures.checkIn(door, sale.eventId(), "qrToken", (String) tickets.get(2).get("qrToken"), "Main")
                .code()).isEqualTo("admission.already_checked_in");

        // the device lost the answer and uploads the same batch again: its own scans are not conflicts
        var again = api.as(door).post("/api/v1/events/" + sale.eventId() + "/checkins/offline",
                Map.of("device", "scanner-7", "scans", scans)).json();
        assertThat(again.get("admitted").asInt()).isEqualTo(2);
        assertThat(again.get("conflicts").asInt()).isEqualTo(1);
        assertThat(again.get("results").get(0).get("outcome").asString()).isEqualTo("CONFLICT");
    }

    private static boolean verifies(byte[] rawPublicKey, byte[] tokenBytes) throws Exception {
        // the raw RFC 8032 key wrapped as SubjectPublicKeyInfo (RFC 8410), as any door device's library takes it
        var spki = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
        var encoded = java.util.Arrays.copyOf(spki, spki.length + 32);
        System.arraycopy(rawPublicKey, 0, encoded, spki.length, 32);
        var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(tokenBytes, 0, 37);
        try {
            return verifier.verify(tokenBytes, 37, 64);
        } catch (java.security.SignatureException undecodable) {
            return false;
        }
    }
}
