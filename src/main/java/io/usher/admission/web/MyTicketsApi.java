package io.usher.admission.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.admission.TicketId;
import io.usher.admission.internal.HolderChanges;
import io.usher.admission.internal.Ticket;
import io.usher.admission.internal.TicketPdfs;
import io.usher.admission.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.order.OrderId;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "My tickets", description = "The tickets of my paid orders, with their QR tokens")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class MyTicketsApi {

    private final Tickets tickets;
    private final HolderChanges holders;
    private final TicketPdfs pdfs;

    MyTicketsApi(Tickets tickets, HolderChanges holders, TicketPdfs pdfs) {
        this.tickets = tickets;
        this.holders = holders;
        this.pdfs = pdfs;
    }

    record TicketView(UUID id, String code, UUID eventId, UUID orderId, String ticketType, String seat,
            String holderName, int version, String status, Instant checkedInAt, String qrToken) {
    }

    @GetMapping("/api/v1/me/tickets")
    @Operation(summary = "My tickets, newest first; a voided ticket has no QR token")
    List<TicketView> mine() {
        return tickets.mine(CurrentUser.require()).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/me/tickets/{id}")
    @Operation(summary = "One of my tickets")
    @ApiProblem(status = 404, codes = "admission.ticket_not_found")
    TicketView one(@PathVariable UUID id) {
        return view(tickets.mine(CurrentUser.require(), new TicketId(id)));
    }

    @GetMapping("/api/v1/me/tickets/{id}/pdf")
    @Operation(summary = "One of my tickets as a printable PDF page")
    @ApiProblem(status = 404, codes = "admission.ticket_not_found")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var ticket = tickets.mine(CurrentUser.require(), new TicketId(id));
        return TicketFiles.pdf(pdfs.render(List.of(ticket)), TicketFiles.name(ticket));
    }

    @GetMapping("/api/v1/me/orders/{id}/tickets.pdf")
    @Operation(summary = "All tickets of one of my orders as a PDF, one page each")
    @ApiProblem(status = 404, codes = "admission.ticket_not_found", description = "Not my order, or its tickets are "
            + "not issued yet")
    ResponseEntity<byte[]> orderPdf(@PathVariable UUID id) {
        var order = new OrderId(id);
        return TicketFiles.pdf(pdfs.render(tickets.mineOfOrder(CurrentUser.require(), order)), TicketFiles.name(order));
    }

    record HolderBody(@NotBlank @Size(max = 200) String name) {
    }

    @PutMapping("/api/v1/me/tickets/{id}/holder")
    @Operation(summary = "Give the ticket to someone else: changes its holder and re-issues it, so only the new QR "
            + "token admits; allowed until usher.admission.transfer-cutoff (default 24 h) before the event starts")
    @ApiProblem(status = 400, codes = "request.validation_failed")
    @ApiProblem(status = 404, codes = "admission.ticket_not_found")
    @ApiProblem(status = 409, codes = "admission.transfer_closed", description = "Voided, checked in, or too close "
            + "to the event.")
    TicketView changeHolder(@PathVariable UUID id, @Valid @RequestBody HolderBody body) {
        return view(holders.change(CurrentUser.require(), new TicketId(id), body.name()));
    }

    private TicketView view(Ticket t) {
        var valid = t.status() == Ticket.Status.VALID;
        return new TicketView(t.id().value(), t.displayCode(), t.event().value(), t.order().value(), t.ticketTypeName(),
                t.seatLabel(), t.holderName(), t.version(), t.status().name(), t.checkedInAt(),
                valid ? tickets.qrToken(t) : null);
    }
}
