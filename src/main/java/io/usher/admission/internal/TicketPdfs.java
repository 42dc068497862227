package io.usher.admission.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.springframework.stereotype.Component;

import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;

/**
 * Printable tickets: one A4 page per ticket with the event, its local date and time, where it takes place, the
 * ticket's type, seat and holder, its code and its QR code. A voided ticket's page says so and has no QR code.
 *
 * <p>The standard-14 fonts need no embedding but only know WinAnsi (Western European) characters, so text is folded
 * to what they can show ({@link #printable}) rather than failing on a name in another script.
 */
@Component
public class TicketPdfs {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final float MARGIN = 56;
    private static final float QR_SIZE = 230;

    private final Catalog catalog;
    private final Tickets tickets;
    private final QrCodes qr;

    TicketPdfs(Catalog catalog, Tickets tickets, QrCodes qr) {
        this.catalog = catalog;
        this.tickets = tickets;
        this.qr = qr;
    }

    /** The tickets, one page each, in the order given; at least one. */
    public byte[] render(List<Ticket> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no tickets to print");
        }
        var events = new HashMap<EventId, Optional<CatalogEvent>>();
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Usher tickets");
            document.getDocumentInformation().setCreator("Usher");
            for (var ticket : pages) {
                page(document, ticket, events.computeIfAbsent(ticket.event(), catalog::event));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the tickets' PDF", e);
        }
    }

    private void page(PDDocument document, Ticket ticket, Optional<CatalogEvent> event) throws IOException {
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        var mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        var width = page.getMediaBox().getWidth();
        var top = page.getMediaBox().getHeight() - MARGIN;
        try (var content = new PDPageContentStream(document, page)) {
            var y = top;
            y = line(content, regular, 10, "USHER TICKET", MARGIN, y);
            y -= 14;
            for (var titleLine : wrap(event.map(CatalogEvent::title).orElse("Event"), bold, 22, width - 2 * MARGIN)) {
                y = line(content, bold, 22, titleLine, MARGIN, y);
            }
            if (event.isPresent()) {
                y = line(content, regular, 13, when(event.get().startsAt(), event.get().timezone()), MARGIN, y - 4);
                if (event.get().place() != null) {
                    for (var placeLine : wrap(event.get().place(), regular, 13, width - 2 * MARGIN)) {
                        y = line(content, regular, 13, placeLine, MARGIN, y);
                    }
                }
            }
            y -= 18;
            y = field(content, regular, bold, "Ticket", ticket.ticketTypeName(), y);
            y = field(content, regular, bold, "Seat", ticket.seatLabel() == null ? "General admission"
                    : ticket.seatLabel(), y);
            y = field(content, regular, bold, "Holder", ticket.holderName(), y);
            y = field(content, regular, bold, "Order", ticket.order().value().toString(), y);
            y -= 24;
            if (ticket.status() == Ticket.Status.VOIDED) {
                y = centred(content, bold, 40, "VOID", width, y - 40);
                y = centred(content, regular, 12, "This ticket was voided and admits nobody.", width, y - 8);
            } else {
                var image = LosslessFactory.createFromImage(document, qr.raster(tickets.qrToken(ticket), 4));
                content.drawImage(image, (width - QR_SIZE) / 2, y - QR_SIZE, QR_SIZE, QR_SIZE);
                y -= QR_SIZE + 8;
            }
            y = centred(content, mono, 28, ticket.displayCode(), width, y - 28);
            if (ticket.checkedIn() && ticket.status() == Ticket.Status.VALID) {
                y = centred(content, regular, 12, "Checked in " + when(ticket.checkedInAt(),
                        event.map(CatalogEvent::timezone).orElse("UTC")) + " at gate " + ticket.checkedInGate(),
                        width, y - 10);
            }
            line(content, regular, 9, "Show this page or the QR code at the entrance. Each ticket admits one person, "
                    + "once; a holder change re-issues it.", MARGIN, MARGIN);
        }
    }

    /** {@code Thursday 1 May 2031, 20:00 (Europe/Berlin)}: local time where the event is. */
    public static String when(Instant at, String timezone) {
        var zone = ZoneId.of(timezone);
        return WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static float field(PDPageContentStream content, PDFont label, PDFont value, String name, String text,
            float y) throws IOException {
        show(content, label, 11, name, MARGIN, y - 16);
        show(content, value, 14, text, MARGIN + 70, y - 16);
        return y - 22;
    }

    private static float line(PDPageContentStream content, PDFont font, float size, String text, float x, float y)
            throws IOException {
        show(content, font, size, text, x, y - size);
        return y - size * 1.3f;
    }

    private static float centred(PDPageContentStream content, PDFont font, float size, String text, float width,
            float y) throws IOException {
        var printable = printable(text, font);
        show(content, font, size, printable, (width - font.getStringWidth(printable) / 1000 * size) / 2, y);
        return y - size * 0.4f;
    }

    private static void show(PDPageContentStream content, PDFont font, float size, String text, float x, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text, font));
        content.endText();
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        var current = new StringBuilder();
        for (var word : printable(text, font).split(" ")) {
            var candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /**
     * What of {@code text} the font can show: characters it knows stay ("Zoë"), others lose their accents if that
     * helps ("Ł" has none to lose, so a few are mapped by hand), and the rest become "?" ("山田" → "??").
     */
    static String printable(String text, PDFont font) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            var ch = Character.toString(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (encodes(font, ch)) {
                out.append(ch);
            } else {
                var folded = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                folded = switch (folded) {
                    case "Ł" -> "L";
                    case "ł" -> "l";
                    case "Đ" -> "D";
                    case "đ" -> "d";
                    case "ı" -> "i";
                    case "Ħ" -> "H";
                    case "ħ" -> "h";
                    default -> folded;
                };
                out.append(!folded.isEmpty() && encodes(font, folded) ? folded : "?");
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
