package io.usher.notification.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.usher.admission.TicketDocuments;
import io.usher.admission.TicketsIssued;
import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.platform.web.WebProperties;

/** Sends the buyer their tickets once they are issued: the codes in the text, the printable PDF attached. */
@Component
class TicketMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (VV)", Locale.UK);

    private final Mailer mailer;
    private final TicketDocuments documents;
    private final Catalog catalog;
    private final String baseUrl;

    TicketMails(Mailer mailer, TicketDocuments documents, Catalog catalog, WebProperties web) {
        this.mailer = mailer;
        this.documents = documents;
        this.catalog = catalog;
        this.baseUrl = web.baseUrl().replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(TicketsIssued issued) {
        var event = catalog.event(issued.event());
        var title = event.map(CatalogEvent::title).orElse("your event");
        var whenAndWhere = event.map(e -> "When: " + WHEN.format(e.startsAt().atZone(ZoneId.of(e.timezone()))) + "\n"
                + (e.place() == null ? "" : "Where: " + e.place() + "\n") + "\n").orElse("");
        var tickets = documents.ofOrder(issued.order());
        var lines = new StringBuilder();
        for (var ticket : tickets) {
            lines.append("  ").append(ticket.code()).append("  ").append(ticket.ticketType())
                    .append(ticket.seat() == null ? "" : ", " + ticket.seat()).append(" — ")
                    .append(ticket.holderName()).append(ticket.voided() ? " (voided)" : "").append('\n');
        }
        var pdf = new Mail.Attachment("tickets-" + issued.order().value().toString().substring(0, 8) + ".pdf",
                "application/pdf", documents.orderPdf(issued.order()));
        mailer.send(new Mail(issued.buyerEmail(), "Your tickets for " + title, """
                Hello %s,

                thank you for your order. Your tickets for %s:

                %s%s
                They are attached as a PDF to print or keep on your phone, and always at:

                %s

                Show the QR code at the entrance; each ticket admits one person, once.
                """.formatted(issued.buyerName(), title, whenAndWhere, lines, baseUrl + "/tickets"), List.of(pdf)));
    }
}
