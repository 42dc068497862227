package io.usher.admission.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.usher.admission.TicketId;
import io.usher.admission.TransferClosed;
import io.usher.admission.internal.HolderChanges;
import io.usher.admission.internal.QrCodes;
import io.usher.admission.internal.Ticket;
import io.usher.admission.internal.TicketPdfs;
import io.usher.admission.internal.Tickets;
import io.usher.catalog.Catalog;
import io.usher.catalog.CatalogEvent;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.order.OrderId;

/**
 * The buyer's tickets in the browser: the list, one ticket with its QR code to show at the door, its PDF, and the
 * form that gives it to someone else. {@code /tickets/**} requires a signed-in user (identity's page chain).
 */
@Controller
class TicketPages {

    private final Tickets tickets;
    private final HolderChanges holders;
    private final TicketPdfs pdfs;
    private final QrCodes qr;
    private final Catalog catalog;
    private final Clock clock;

    TicketPages(Tickets tickets, HolderChanges holders, TicketPdfs pdfs, QrCodes qr, Catalog catalog, Clock clock) {
        this.tickets = tickets;
        this.holders = holders;
        this.pdfs = pdfs;
        this.qr = qr;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An event and the buyer's tickets for it. */
    record EventGroup(UUID eventId, String title, String when, List<Row> tickets) {
    }

    /** One ticket in the list. */
    record Row(UUID id, String code, String ticketType, String seat, String holder, String status, String checkedIn) {
    }

    @GetMapping("/tickets")
    String list(Model model) {
        var groups = new LinkedHashMap<EventId, List<Ticket>>();
        for (var ticket : tickets.mine(CurrentUser.require())) {
            groups.computeIfAbsent(ticket.event(), e -> new ArrayList<>()).add(ticket);
        }
        model.addAttribute("groups", groups.entrySet().stream().map(group -> {
            var event = catalog.event(group.getKey());
            var zone = event.map(CatalogEvent::timezone).orElse("UTC");
            return new EventGroup(group.getKey().value(), event.map(CatalogEvent::title).orElse("Event"),
                    event.map(e -> TicketPdfs.when(e.startsAt(), e.timezone())).orElse(null),
                    group.getValue().stream().map(t -> new Row(t.id().value(), t.displayCode(), t.ticketTypeName(),
                            t.seatLabel(), t.holderName(), status(t),
                            t.checkedIn() ? TicketPdfs.when(t.checkedInAt(), zone) : null)).toList());
        }).toList());
        return "admission/tickets";
    }

    @GetMapping("/tickets/{id}")
    String show(@PathVariable UUID id, Model model) {
        var ticket = tickets.mine(CurrentUser.require(), new TicketId(id));
        var event = catalog.event(ticket.event());
        var zone = event.map(CatalogEvent::timezone).orElse("UTC");
        var valid = ticket.status() == Ticket.Status.VALID;
        model.addAttribute("ticket", ticket);
        model.addAttribute("status", status(ticket));
        model.addAttribute("eventTitle", event.map(CatalogEvent::title).orElse("Event"));
        model.addAttribute("when", event.map(e -> TicketPdfs.when(e.startsAt(), e.timezone())).orElse(null));
        model.addAttribute("place", event.map(CatalogEvent::place).orElse(null));
        model.addAttribute("qrSvg", valid ? qr.svg(tickets.qrToken(ticket)) : null);
        model.addAttribute("checkedIn", ticket.checkedIn() ? TicketPdfs.when(ticket.checkedInAt(), zone) : null);
        model.addAttribute("transferOpen", holders.open(ticket, clock.instant()));
        model.addAttribute("transferClosesAt", valid && !ticket.checkedIn()
                ? holders.closesAt(ticket).map(at -> TicketPdfs.when(at, zone)).orElse(null) : null);
        return "admission/ticket";
    }

    @PostMapping("/tickets/{id}/holder")
    String changeHolder(@PathVariable UUID id, @RequestParam(defaultValue = "") String name) {
        var back = "redirect:/tickets/" + id;
        if (name.isBlank() || name.length() > 200) {
            return back + "?error=holder-name";
        }
        try {
            holders.change(CurrentUser.require(), new TicketId(id), name);
        } catch (TransferClosed closed) {
            return back + "?error=" + closed.code();
        }
        return back + "?notice=holder-changed";
    }

    @GetMapping("/tickets/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var ticket = tickets.mine(CurrentUser.require(), new TicketId(id));
        return TicketFiles.pdf(pdfs.render(List.of(ticket)), TicketFiles.name(ticket));
    }

    /** Linked from the order page, which lives under {@code /orders}: signing in is asked for here. */
    @GetMapping("/orders/{id}/tickets.pdf")
    ResponseEntity<byte[]> orderPdf(@PathVariable UUID id) {
        Optional<CurrentUser> buyer = CurrentUser.find();
        if (buyer.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/login?next="
                    + URLEncoder.encode("/orders/" + id + "/tickets.pdf", StandardCharsets.UTF_8))).build();
        }
        var order = new OrderId(id);
        return TicketFiles.pdf(pdfs.render(tickets.mineOfOrder(buyer.get(), order)), TicketFiles.name(order));
    }

    private static String status(Ticket ticket) {
        if (ticket.status() == Ticket.Status.VOIDED) {
            return "VOIDED";
        }
        return ticket.checkedIn() ? "CHECKED_IN" : "VALID";
    }
}
