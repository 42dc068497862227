package io.usher.order.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.identity.CurrentUser;
import io.usher.order.OrderId;
import io.usher.order.internal.Cancellations;
import io.usher.order.internal.OrderCheckout;
import io.usher.order.internal.OrderManagement;
import io.usher.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Orders", description = "Turn a hold into an order, pay it, read my orders")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
class OrdersApi {

    private final OrderManagement orders;
    private final OrderCheckout checkout;
    private final Cancellations cancellations;

    OrdersApi(OrderManagement orders, OrderCheckout checkout, Cancellations cancellations) {
        this.orders = orders;
        this.checkout = checkout;
        this.cancellations = cancellations;
    }

    record CancellationBody(@Size(max = 500) String reason) {
    }

    record OrderBody(@NotNull UUID holdId, @NotNull @Valid BuyerBody buyer,
            @Size(max = 20) List<@Valid AttendeeBody> attendees, @Size(max = 50) String couponCode) {
    }

    record BuyerBody(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    record AttendeeBody(@Size(max = 200) String name) {
    }

    record CheckoutView(UUID paymentId, URI redirectUrl) {
    }

    record RefundBody(@Min(1) long amount, @NotBlank @Size(max = 200) String reason) {
    }

    record RefundView(UUID refundId, long amount, String reason, String status) {
    }

    @PostMapping("/api/v1/orders")
    @Operation(summary = "Order the tickets of one of my holds; the same Idempotency-Key answers with the same order")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "request.missing_header"})
    @ApiProblem(status = 404, codes = {"order.hold_not_found", "order.event_not_found"})
    @ApiProblem(status = 409, codes = "order.hold_not_active")
    @ApiProblem(status = 422, codes = {"order.coupon_invalid", "order.idempotency_key_reused"},
            description = "The coupon cannot be used (reason: unknown, not_yet_valid, expired, used_up, below_minimum, "
                    + "not_applicable, currency_mismatch), or the key came with another hold.")
    ResponseEntity<OrderView> place(@RequestHeader("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Valid @RequestBody OrderBody body) {
        var attendees = body.attendees() == null ? List.<String>of()
                : body.attendees().stream().map(AttendeeBody::name).toList();
        var order = orders.place(CurrentUser.require(), idempotencyKey, new OrderManagement.Placement(body.holdId(),
                body.buyer().name(), body.buyer().email(), attendees, body.couponCode()));
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(OrderView.of(order));
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "One of my orders")
    @ApiProblem(status = 404, codes = "order.not_found")
    OrderView get(@PathVariable UUID id) {
        return OrderView.of(orders.mine(CurrentUser.require(), new OrderId(id)));
    }

    @GetMapping("/api/v1/me/orders")
    @Operation(summary = "My orders, newest first")
    List<OrderView> mine() {
        return orders.mine(CurrentUser.require()).stream().map(OrderView::of).toList();
    }

    @PostMapping("/api/v1/orders/{id}/checkout")
    @Operation(summary = "Pay one of my orders: send the browser to redirectUrl",
            description = "The order becomes PAID only when the gateway confirms the payment. An order with nothing "
                    + "to pay (total 0) is PAID at once: paymentId is then absent and redirectUrl is the order's page.")
    @ApiProblem(status = 404, codes = "order.not_found")
    @ApiProblem(status = 409, codes = {"order.not_payable", "payment.request_in_progress"})
    @ApiProblem(status = 422, codes = {"payment.blocked", "payment.gateway_rejected"})
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable", description = "See Retry-After.")
    CheckoutView checkout(@PathVariable UUID id, HttpServletRequest http) {
        var started = checkout.checkout(CurrentUser.require(), new OrderId(id), http.getRemoteAddr());
        return new CheckoutView(started.payment() == null ? null : started.payment().value(), started.redirectUrl());
    }

    @PostMapping("/api/v1/orders/{id}/cancellation")
    @Operation(summary = "Cancel one of my paid orders for a refund of what is left of it",
            description = "Allowed before the event's refund deadline (startsAt minus its refundDaysBefore), or at any "
                    + "time after the event was postponed or cancelled. The answer is the CANCELLED order; if the "
                    + "refund fails the order stays as it was.")
    @ApiProblem(status = 400, codes = "request.validation_failed")
    @ApiProblem(status = 404, codes = "order.not_found")
    @ApiProblem(status = 409, codes = {"order.cancellation_in_progress", "payment.not_refundable"})
    @ApiProblem(status = 422, codes = {"order.refund_window_closed", "order.not_cancellable",
            "payment.gateway_rejected", "payment.refund_exceeds_payment"},
            description = "Past the refund deadline (deadline), or not cancellable (reason: status, no_refunds), or "
                    + "the gateway refused the refund.")
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable", description = "See Retry-After.")
    OrderView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancellationBody body) {
        return OrderView.of(cancellations.cancel(CurrentUser.require(), new OrderId(id),
                body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/orders/{id}/refunds")
    @Operation(summary = "Refund (part of) a paid order of my event, through the gateway that took the payment",
            description = "The order becomes PARTIALLY_REFUNDED or REFUNDED when the refund is confirmed. The same "
                    + "Idempotency-Key makes the same refund.")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "request.missing_header"})
    @ApiProblem(status = 404, codes = "order.not_found")
    @ApiProblem(status = 409, codes = {"order.not_refundable", "payment.not_refundable"})
    @ApiProblem(status = 422, codes = {"payment.refund_exceeds_payment", "payment.idempotency_key_reused",
            "payment.gateway_rejected"})
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable")
    ResponseEntity<RefundView> refund(@PathVariable UUID id,
            @RequestHeader("Idempotency-Key") @Size(max = 100) String idempotencyKey,
            @Valid @RequestBody RefundBody body) {
        var refund = orders.refund(CurrentUser.require(), new OrderId(id), body.amount(), body.reason().strip(),
                idempotencyKey);
        return ResponseEntity.status(201).body(new RefundView(refund.id().value(), refund.amount().minor(),
                refund.reason(), refund.status().name()));
    }
}
