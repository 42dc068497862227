package io.usher.payment;

import java.time.Duration;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;

/** 503: the payment gateway does not answer (or its circuit breaker is open); retry after {@link #retryAfter()}. */
public class GatewayUnavailable extends UsherException implements RetryLater {

    private final Duration retryAfter;

    public GatewayUnavailable(String gateway, Duration retryAfter) {
        super(503, "payment.gateway_unavailable",
                "The payment provider (" + gateway + ") is not reachable right now. Try again in a moment.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
