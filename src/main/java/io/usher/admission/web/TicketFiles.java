package io.usher.admission.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.usher.admission.internal.Ticket;
import io.usher.order.OrderId;

/** PDF downloads: the type, a file name that says what it is, and no caching of a personal document. */
final class TicketFiles {

    private TicketFiles() {
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    static String name(Ticket ticket) {
        return "ticket-" + ticket.displayCode() + ".pdf";
    }

    static String name(OrderId order) {
        return "tickets-" + order.value().toString().substring(0, 8) + ".pdf";
    }
}
