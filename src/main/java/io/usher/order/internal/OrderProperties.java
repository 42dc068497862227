package io.usher.order.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Order settings ({@code usher.order.*}).
 *
 * @param expiryInterval how often orders past their hold's expiry are marked expired (their coupon uses come back)
 * @param cancellationInterval how often unfinished cancellation jobs of cancelled events are resumed
 */
@Validated
@ConfigurationProperties("usher.order")
public record OrderProperties(@DefaultValue("5s") @NotNull Duration expiryInterval,
        @DefaultValue("30s") @NotNull Duration cancellationInterval) {

    public OrderProperties {
        if (expiryInterval.isNegative() || expiryInterval.isZero()) {
            throw new IllegalArgumentException("usher.order.expiry-interval must be positive");
        }
        if (cancellationInterval.isNegative() || cancellationInterval.isZero()) {
            throw new IllegalArgumentException("usher.order.cancellation-interval must be positive");
        }
    }
}
