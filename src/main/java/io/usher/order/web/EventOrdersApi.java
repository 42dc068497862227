package io.usher.order.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.common.EventId;
import io.usher.identity.CurrentUser;
import io.usher.order.OrderStatus;
import io.usher.order.internal.Coupon;
import io.usher.order.internal.CancellationProgress;
import io.usher.order.internal.Coupons;
import io.usher.order.internal.Order;
import io.usher.order.internal.OrderManagement;
import io.usher.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Event orders and coupons", description = "An event's orders and coupons, for its organizers")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 404, codes = "order.event_not_found", description = "No such published event, or not yours.")
class EventOrdersApi {

    private static final int MAX_CSV_ROWS = 100_000;

    private final OrderManagement orders;
    private final Coupons coupons;
    private final CancellationProgress cancellations;

    EventOrdersApi(OrderManagement orders, Coupons coupons, CancellationProgress cancellations) {
        this.orders = orders;
        this.coupons = coupons;
        this.cancellations = cancellations;
    }

    @GetMapping("/api/v1/organizer/events/{id}/cancellation")
    @Operation(summary = "How far refunding and cancelling the orders of my cancelled event got",
            description = "status NONE (the event was not cancelled), RUNNING or COMPLETED; failing orders wait for "
                    + "their refund to be retried.")
    CancellationProgress.Progress cancellation(@PathVariable UUID id) {
        return cancellations.of(CurrentUser.require(), new EventId(id)).orElseGet(() ->
                new CancellationProgress.Progress("NONE", 0, 0, 0, 0, 0, null, null, null));
    }

    record CouponBody(@NotBlank @Size(min = 3, max = 50) String code, @NotNull Coupon.Kind kind,
            @Min(1) @Max(100) Integer percent, @Min(1) Long amountMinor, @Size(min = 3, max = 3) String currency,
            @Size(max = 50) List<@NotNull UUID> ticketTypeIds, @Min(1) @Max(10_000) Integer maxUses,
            Instant validFrom, Instant validUntil, @Min(0) Long minSubtotalMinor) {
    }

    record CouponView(UUID id, String code, String kind, Integer percent, Long amountMinor, String currency,
            List<UUID> ticketTypeIds, Integer maxUses, int uses, Instant validFrom, Instant validUntil,
            long minSubtotalMinor) {

        static CouponView of(Coupon c) {
            return new CouponView(c.id(), c.code(), c.kind().name(), c.percent(), c.amountMinor(), c.currency(),
                    c.ticketTypes(), c.maxUses(), c.uses(), c.validFrom(), c.validUntil(), c.minSubtotalMinor());
        }
    }

    @PostMapping("/api/v1/events/{id}/coupons")
    @Operation(summary = "Create a coupon for an event (codes are case-insensitive and unique per event)")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "order.invalid_coupon"})
    @ApiProblem(status = 409, codes = "order.coupon_code_taken")
    ResponseEntity<CouponView> create(@PathVariable UUID id, @Valid @RequestBody CouponBody body) {
        var coupon = coupons.create(CurrentUser.require(), new EventId(id), new Coupons.Definition(body.code(),
                body.kind(), body.percent(), body.amountMinor(), body.currency(), body.ticketTypeIds(), body.maxUses(),
                body.validFrom(), body.validUntil(), body.minSubtotalMinor()));
        return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/coupons/" + coupon.id()))
                .body(CouponView.of(coupon));
    }

    @GetMapping("/api/v1/events/{id}/coupons")
    @Operation(summary = "An event's coupons with their uses")
    List<CouponView> coupons(@PathVariable UUID id) {
        return coupons.ofEvent(CurrentUser.require(), new EventId(id)).stream().map(CouponView::of).toList();
    }

    @GetMapping("/api/v1/events/{id}/orders")
    @Operation(summary = "An event's orders, newest first; q matches the buyer's name or e-mail or the order id")
    @ApiProblem(status = 400, codes = "request.validation_failed")
    List<OrderView> orders(@PathVariable UUID id, @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) OrderStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return orders.ofEvent(CurrentUser.require(), new EventId(id), q, status, page, size).stream()
                .map(OrderView::of).toList();
    }

    @GetMapping(path = "/api/v1/events/{id}/orders.csv", produces = "text/csv")
    @Operation(summary = "An event's orders as CSV, one row per ticket")
    ResponseEntity<String> csv(@PathVariable UUID id, @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) OrderStatus status) {
        var rows = orders.ofEvent(CurrentUser.require(), new EventId(id), q, status, 0, MAX_CSV_ROWS);
        var csv = new StringBuilder("order_id,status,created_at,buyer_name,buyer_email,ticket_type,seat,holder,"
                + "unit_price_minor,fee_minor,order_total_minor,currency\r\n");
        for (Order order : rows) {
            for (var line : order.lines()) {
                csv.append(String.join(",", List.of(order.id().toString(), order.status().name(),
                        order.createdAt().toString(), field(order.buyerName()), field(order.buyerEmail()),
                        field(line.ticketTypeName()), field(line.seatLabel()), field(line.holderName()),
                        Long.toString(line.unitPrice()), Long.toString(line.fee()), Long.toString(order.total()), order.currency())))
                        .append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orders-" + id + ".csv\"")
                .body(csv.toString());
    }

    /**
     * RFC 4180 quoting, and a leading quote for values a spreadsheet would run as a formula (CSV injection).
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        var text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
