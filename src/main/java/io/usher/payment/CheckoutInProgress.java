package io.usher.payment;

import java.time.Duration;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;

/** 409: a checkout with this idempotency key is being opened at the gateway right now. */
public class CheckoutInProgress extends UsherException implements RetryLater {

    public CheckoutInProgress() {
        super(409, "payment.request_in_progress",
                "A checkout with this idempotency key is still being opened. Retry shortly.");
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(1);
    }
}
