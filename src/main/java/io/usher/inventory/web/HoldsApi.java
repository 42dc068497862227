package io.usher.inventory.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.common.EventId;
import io.usher.common.SeatId;
import io.usher.common.TicketTypeId;
import io.usher.identity.CurrentUser;
import io.usher.inventory.Hold;
import io.usher.inventory.HoldId;
import io.usher.inventory.HoldNotFound;
import io.usher.inventory.HoldRequest;
import io.usher.inventory.InvalidHoldRequest;
import io.usher.inventory.Inventory;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/holds")
@Tag(name = "Holds", description = "Hold tickets until checkout; holds expire after the event's hold duration")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class HoldsApi {

    private final Inventory inventory;

    HoldsApi(Inventory inventory) {
        this.inventory = inventory;
    }

    /** One of three shapes: {@code items}; {@code seats}; or {@code ticketTypeId} + {@code quantity} + {@code bestAvailable}. */
    record HoldBody(
            @NotNull UUID eventId,
            @Size(max = 20) List<@Valid ItemBody> items,
            @Size(max = 20) List<@NotNull UUID> seats,
            UUID ticketTypeId,
            @Min(1) @Max(20) Integer quantity,
            Boolean bestAvailable) {
    }

    record ItemBody(@NotNull UUID ticketTypeId, @Min(1) @Max(20) int quantity) {
    }

    record ItemView(UUID ticketTypeId, int quantity) {
    }

    record SeatView(UUID seatId, UUID ticketTypeId, String section, String row, int number) {
    }

    record HoldView(UUID holdId, UUID eventId, String status, Instant createdAt, Instant expiresAt, int quantity,
            List<ItemView> items, List<SeatView> seats) {

        static HoldView of(Hold hold) {
            return new HoldView(hold.id().value(), hold.event().value(), hold.status().name(), hold.createdAt(),
                    hold.expiresAt(), hold.quantity(),
                    hold.items().stream().map(i -> new ItemView(i.ticketType().value(), i.quantity())).toList(),
                    hold.seats().stream().map(s -> new SeatView(s.id().value(), s.ticketType().value(), s.section(),
                            s.row(), s.number())).toList());
        }
    }

    @PostMapping
    @Operation(summary = "Hold tickets: quantities per ticket type, chosen seats, or the best available seats")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "request.missing_header", "inventory.invalid_request"})
    @ApiProblem(status = 404, codes = {"inventory.event_not_found", "inventory.ticket_type_not_found",
            "inventory.seat_not_found"})
    @ApiProblem(status = 409, codes = {"inventory.sold_out", "inventory.not_enough", "inventory.seat_taken",
            "inventory.outside_sale_window", "inventory.buyer_limit", "inventory.request_in_progress"},
            description = "Not enough left (with what remains), a seat taken (with the seats), outside the sale "
                    + "window, over the per-buyer limit.")
    @ApiProblem(status = 422, codes = "inventory.idempotency_key_reused")
    ResponseEntity<HoldView> hold(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody HoldBody body) {
        var hold = inventory.hold(request(body, idempotencyKey));
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id())).body(HoldView.of(hold));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my holds")
    @ApiProblem(status = 404, codes = "inventory.hold_not_found")
    HoldView get(@PathVariable UUID id) {
        return HoldView.of(inventory.find(new HoldId(id), CurrentUser.require().id()).orElseThrow(HoldNotFound::new));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Release one of my holds; its tickets go back on sale")
    @ApiProblem(status = 404, codes = "inventory.hold_not_found")
    @ApiProblem(status = 409, codes = "inventory.hold_not_active")
    ResponseEntity<Void> release(@PathVariable UUID id) {
        inventory.release(new HoldId(id), CurrentUser.require().id());
        return ResponseEntity.noContent().build();
    }

    private static HoldRequest request(HoldBody body, String key) {
        var buyer = CurrentUser.require().id();
        var event = new EventId(body.eventId());
        boolean hasItems = body.items() != null && !body.items().isEmpty();
        boolean hasSeats = body.seats() != null && !body.seats().isEmpty();
        boolean best = Boolean.TRUE.equals(body.bestAvailable());
        if ((hasItems ? 1 : 0) + (hasSeats ? 1 : 0) + (best ? 1 : 0) != 1) {
            throw new InvalidHoldRequest("Give exactly one of: items, seats, or ticketTypeId with quantity and "
                    + "bestAvailable: true.");
        }
        if (hasItems) {
            return new HoldRequest.Quantities(event, buyer, key, body.items().stream()
                    .map(i -> new HoldRequest.Item(new TicketTypeId(i.ticketTypeId()), i.quantity())).toList());
        }
        if (hasSeats) {
            return new HoldRequest.Seats(event, buyer, key, body.seats().stream().map(SeatId::new).toList());
        }
        if (body.ticketTypeId() == null || body.quantity() == null) {
            throw new InvalidHoldRequest("Best available needs ticketTypeId and quantity.");
        }
        return new HoldRequest.BestAvailable(event, buyer, key, new TicketTypeId(body.ticketTypeId()), body.quantity());
    }
}
