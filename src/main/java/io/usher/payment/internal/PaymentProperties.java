package io.usher.payment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Payment settings ({@code usher.payment.*}).
 *
 * @param gateway the gateway new checkouts go to: {@code test} (built in, the default) or {@code stripe}
 * @param webhookTolerance how far a webhook's signed timestamp may be from now (replays older than that fail)
 * @param fraud the fraud rules every checkout passes
 * @param resilience circuit breaker, retry and time limit around every gateway call
 * @param testGateway the built-in test gateway
 * @param stripe the Stripe adapter
 */
@Validated
@ConfigurationProperties("usher.payment")
public record PaymentProperties(
        @DefaultValue("test") @Pattern(regexp = "test|stripe") String gateway,
        @DefaultValue("5m") @NotNull Duration webhookTolerance,
        @DefaultValue @Valid @NotNull Fraud fraud,
        @DefaultValue @Valid @NotNull Resilience resilience,
        @DefaultValue @Valid @NotNull TestGateway testGateway,
        @DefaultValue @Valid @NotNull Stripe stripe) {

    /**
     * Fraud rules.
     *
     * @param window the period the per-buyer and per-address counts look back over
     * @param maxCheckoutsPerBuyer checkouts one buyer may start within {@code window}
     * @param maxCheckoutsPerIp checkouts one client address may start within {@code window}
     * @param maxAmountMinor the largest total one checkout may ask for, in minor units of its currency
     * @param maxDeclines declined cards in a row (within {@code declineWindow}) that block the buyer
     * @param declineWindow how far back declines count
     * @param blockDuration how long such a block lasts
     */
    public record Fraud(
            @DefaultValue("10m") @NotNull Duration window,
            @DefaultValue("10") @Min(1) int maxCheckoutsPerBuyer,
            @DefaultValue("30") @Min(1) int maxCheckoutsPerIp,
            @DefaultValue("1000000") @Min(1) long maxAmountMinor,
            @DefaultValue("3") @Min(1) int maxDeclines,
            @DefaultValue("1h") @NotNull Duration declineWindow,
            @DefaultValue("30m") @NotNull Duration blockDuration) {
    }

    /**
     * Resilience4j settings, one circuit breaker per gateway.
     *
     * @param failureThreshold consecutive failed (or timed-out) calls that open the circuit
     * @param slowCallThreshold a call slower than this counts as slow; as many slow calls in a row open it too
     * @param timeout a call still running after this is abandoned and counts as failed
     * @param openDuration how long the circuit stays open before it lets a trial call through
     * @param maxAttempts attempts of an idempotent call (retries use the same gateway idempotency key)
     * @param retryBackoff wait before the first retry; doubles with each further one
     */
    public record Resilience(
            @DefaultValue("5") @Min(1) @Max(100) int failureThreshold,
            @DefaultValue("5s") @NotNull Duration slowCallThreshold,
            @DefaultValue("5s") @NotNull Duration timeout,
            @DefaultValue("30s") @NotNull Duration openDuration,
            @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("200ms") @NotNull Duration retryBackoff) {
    }

    /**
     * The built-in test gateway: a hosted payment page inside Usher that confirms through signed webhooks.
     *
     * @param enabled whether it runs; unset means "when it is the checkout gateway"
     * @param webhookSecret the secret webhooks are signed with; blank = one generated and kept in the database
     * @param webhookUrl where it delivers webhooks; blank = this instance's own endpoint on the loopback address
     * @param confirmationDelay how long the slow test card ({@code 4000 0000 0000 3220}) takes to succeed
     * @param deliveryInterval how often due webhook deliveries are (re)tried
     * @param maxDeliveryBackoff the longest wait between two delivery attempts
     * @param deliveryGiveUpAfter a webhook not acknowledged for this long is abandoned (and logged)
     */
    public record TestGateway(
            Boolean enabled,
            String webhookSecret,
            String webhookUrl,
            @DefaultValue("10s") @NotNull Duration confirmationDelay,
            @DefaultValue("1s") @NotNull Duration deliveryInterval,
            @DefaultValue("1h") @NotNull Duration maxDeliveryBackoff,
            @DefaultValue("3d") @NotNull Duration deliveryGiveUpAfter) {

        public boolean active(String checkoutGateway) {
            return enabled != null ? enabled : "test".equals(checkoutGateway);
        }
    }

    /**
     * The Stripe adapter, active when a secret key is set.
     *
     * @param secretKey the API secret key ({@code sk_live_…} / {@code sk_test_…})
     * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_…})
     * @param apiBase where Stripe's API is; tests point it at a local stub
     */
    public record Stripe(
            String secretKey,
            String webhookSecret,
            @DefaultValue("https://api.stripe.com") @NotNull String apiBase) {

        public boolean configured() {
            return secretKey != null && !secretKey.isBlank();
        }
    }
}
