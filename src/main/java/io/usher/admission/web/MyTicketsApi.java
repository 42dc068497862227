package io.usher.admission.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.admission.TicketId;
import io.usher.admission.internal.Ticket;
import io.usher.admission.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.ApiProblem;

@RestController
@Tag(name = "My tickets", description = "The tickets of my paid orders, with their QR tokens")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class MyTicketsApi {

    private final Tickets tickets;

    MyTicketsApi(Tickets tickets) {
        this.tickets = tickets;
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

    private TicketView view(Ticket t) {
        var valid = t.status() == Ticket.Status.VALID;
        return new TicketView(t.id().value(), t.displayCode(), t.event().value(), t.order().value(), t.ticketTypeName(),
                t.seatLabel(), t.holderName(), t.version(), t.status().name(), t.checkedInAt(),
                valid ? tickets.qrToken(t) : null);
    }
}
