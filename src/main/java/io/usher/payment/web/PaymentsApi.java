package io.usher.payment.web;

import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.common.Money;
import io.usher.identity.AccessRules;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.payment.InvalidPaymentRequest;
import io.usher.payment.Payment;
import io.usher.payment.PaymentId;
import io.usher.payment.PaymentRequest;
import io.usher.payment.Payments;
import io.usher.payment.Refund;
import io.usher.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Administration: payments", description = "Payments as the gateway confirmed them, refunds; ADMIN only "
        + "(buyers see their payments through their orders)")
@ApiProblem(status = 401, codes = {"identity.unauthenticated", "identity.invalid_token"})
@ApiProblem(status = 403, codes = "identity.forbidden")
class PaymentsApi {

    private final Payments payments;

    PaymentsApi(Payments payments) {
        this.payments = payments;
    }

    record PaymentView(UUID id, String reference, long amountMinor, String currency, long refundedMinor, String status,
            String gateway, String gatewayReference, String failureReason, Instant createdAt, Instant updatedAt,
            List<RefundView> refunds) {

        static PaymentView of(Payment payment, List<Refund> refunds) {
            return new PaymentView(payment.id().value(), payment.reference(), payment.amount().minor(),
                    payment.amount().currency().getCurrencyCode(), payment.refunded().minor(), payment.status().name(),
                    payment.gateway(), payment.gatewayReference(), payment.failureReason(), payment.createdAt(),
                    payment.updatedAt(), refunds.stream().map(RefundView::of).toList());
        }
    }

    record RefundView(UUID id, long amountMinor, String currency, String reason, String status, String gatewayReference,
            Instant createdAt) {

        static RefundView of(Refund refund) {
            return new RefundView(refund.id().value(), refund.amount().minor(), refund.amount().currency().getCurrencyCode(),
                    refund.reason(), refund.status().name(), refund.gatewayReference(), refund.createdAt());
        }
    }

    record CheckoutBody(
            @NotBlank @Size(max = 100) String reference,
            @Min(1) @Max(100_000_000) long amountMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotBlank @Size(max = 200) String description,
            @NotNull URI returnUrl,
            @NotNull URI cancelUrl) {
    }

    record CheckoutView(UUID paymentId, URI redirectUrl) {
    }

    record RefundBody(@Min(1) long amountMinor, @NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping
    @Operation(summary = "Start a checkout at the configured gateway as yourself (to try a gateway's setup; "
            + "orders start their own)", description = "Send the browser to redirectUrl. The same Idempotency-Key "
            + "with the same body answers with the same checkout.")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "request.missing_header", "payment.invalid_request"})
    @ApiProblem(status = 409, codes = "payment.request_in_progress")
    @ApiProblem(status = 422, codes = {"payment.blocked", "payment.idempotency_key_reused", "payment.gateway_rejected"},
            description = "A fraud rule refuses it (with the rule), the key was used for another request, or the "
                    + "gateway refused.")
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable", description = "The gateway does not answer or "
            + "its circuit breaker is open; see Retry-After.")
    ResponseEntity<CheckoutView> start(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody CheckoutBody body, HttpServletRequest http) {
        var user = CurrentUser.require();
        var checkout = payments.startCheckout(new PaymentRequest(body.reference(), money(body.amountMinor(), body.currency()),
                user.email(), user.id(), http.getRemoteAddr(), body.description(), body.returnUrl(), body.cancelUrl(),
                idempotencyKey));
        return ResponseEntity.created(URI.create("/api/v1/payments/" + checkout.payment()))
                .body(new CheckoutView(checkout.payment().value(), checkout.redirectUrl()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A payment with its refunds")
    @ApiProblem(status = 404, codes = "payment.not_found")
    PaymentView get(@PathVariable UUID id) {
        var paymentId = new PaymentId(id);
        return PaymentView.of(payments.get(paymentId), payments.refunds(paymentId));
    }

    @PostMapping("/{id}/refunds")
    @Operation(summary = "Refund (part of) a payment through the gateway that took it",
            description = "The same Idempotency-Key makes the same refund.")
    @ApiProblem(status = 400, codes = {"request.validation_failed", "request.missing_header", "payment.invalid_request"})
    @ApiProblem(status = 404, codes = "payment.not_found")
    @ApiProblem(status = 409, codes = "payment.not_refundable")
    @ApiProblem(status = 422, codes = {"payment.refund_exceeds_payment", "payment.idempotency_key_reused",
            "payment.gateway_rejected"})
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable")
    ResponseEntity<RefundView> refund(@PathVariable UUID id, @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody RefundBody body) {
        var paymentId = new PaymentId(id);
        var currency = payments.get(paymentId).amount().currency();
        var refund = payments.refund(paymentId, new Money(body.amountMinor(), currency), body.reason(), idempotencyKey);
        return ResponseEntity.status(201).body(RefundView.of(refund));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "Ask the gateway server-side where a pending payment stands (when its webhook is late)")
    @ApiProblem(status = 404, codes = "payment.not_found")
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable")
    PaymentView verify(@PathVariable UUID id) {
        var paymentId = new PaymentId(id);
        return PaymentView.of(payments.verify(paymentId), payments.refunds(paymentId));
    }

    private static Money money(long minor, String currency) {
        try {
            return new Money(minor, Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentRequest("currency: an ISO 4217 code");
        }
    }

    /** Gateways call the webhooks without a user; everything else about payments is for administrators. */
    @Component
    static class PaymentAccess implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/*").permitAll();
            routes.requestMatchers("/api/v1/payments", "/api/v1/payments/**").hasRole(Role.ADMIN.name());
        }
    }
}
