package io.usher.payment.web;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.payment.internal.GatewayConfirmations;
import io.usher.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;

@RestController
@Tag(name = "Payment webhooks", description = "Where payment gateways confirm payments and refunds; signed, public")
class WebhooksApi {

    private final GatewayConfirmations confirmations;

    WebhooksApi(GatewayConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    /** What the gateway gets back; it only needs the 2xx. */
    record Acknowledgement(boolean received, String eventId, String outcome) {
    }

    @PostMapping("/api/v1/payments/webhooks/{gateway}")
    @SecurityRequirements
    @Operation(summary = "Receive a gateway's webhook (test: Usher-Signature; stripe: Stripe-Signature)",
            description = "The body is verified byte for byte against the signature header (HMAC-SHA256 of "
                    + "\"timestamp.body\" with the endpoint secret, timestamp within 5 minutes). Each event is applied "
                    + "once; a repeat, or an event about a payment unknown here, is acknowledged with 200 and changes "
                    + "nothing.")
    @ApiProblem(status = 400, codes = {"payment.invalid_signature", "payment.invalid_webhook", "request.malformed"})
    @ApiProblem(status = 404, codes = "payment.unknown_gateway")
    @ApiProblem(status = 503, codes = "payment.gateway_unavailable", description = "A refund named a payment whose "
            + "checkout had to be looked up at the gateway, which did not answer; the gateway redelivers later.")
    Acknowledgement receive(@PathVariable @Pattern(regexp = "[a-z]{1,20}") String gateway, @RequestBody byte[] payload,
            HttpServletRequest request) {
        var receipt = confirmations.receive(gateway, payload, request::getHeader);
        return new Acknowledgement(true, receipt.eventId(), receipt.outcome());
    }
}
