package io.usher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.catalog.CatalogFixtures;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;
import io.usher.support.Users;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The confirmation mail: issued tickets reach the buyer over real SMTP (GreenMail), their PDF attached. */
class TicketMailIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    AdmissionFixtures fixtures;
    CatalogFixtures.Sale sale;
    String buyer;

    @BeforeEach
    void fixtures() {
        fixtures = new AdmissionFixtures(api, users, "http://localhost:" + port);
        sale = fixtures.orders.sale(fixtures.orders.catalog.organizer(), 100, 2500);
        buyer = fixtures.orders.catalog.customer();
    }

    @Test
    void mailsTheBuyerTheirTicketsWithThePdfAttached() throws Exception {
        var email = Accounts.uniqueEmail("tickets");
        var order = fixtures.orders.paid(buyer, sale, 2, "buyer", Map.of("name", "Zoë Łukasz 山田", "email", email));
        var tickets = fixtures.tickets(buyer, order, 2);

        var mail = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> Mailbox.messagesTo(email), messages -> !messages.isEmpty()).getFirst();

        assertThat(mail.getSubject()).startsWith("Your tickets for Night ");
        var parts = parts(mail);
        var text = parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow();
        assertThat(text.getContent().toString()).contains("Hello Zoë Łukasz 山田")
                .contains((String) tickets.get(0).get("code")).contains((String) tickets.get(1).get("code"))
                .contains("/tickets").contains("When: Thursday 1 May 2031, 20:00 (Europe/Berlin)")
                .contains("Where: Harbour Hall, Hamburg");
        var attachment = parts.stream().filter(p -> isType(p, "application/pdf")).findFirst().orElseThrow();
        assertThat(attachment.getFileName()).endsWith(".pdf");
        var bytes = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(bytes);
        try (var pdf = Loader.loadPDF(bytes.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= 2; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(pdf)).contains((String) tickets.get(page - 1).get("code"))
                        .contains("Harbour Hall, Hamburg");
            }
        }
        assertThat(Mailbox.messagesTo(email)).hasSize(1);
    }

    private static List<Part> parts(MimeMessage message) throws Exception {
        var parts = new ArrayList<Part>();
        collect(message, parts);
        return parts;
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
