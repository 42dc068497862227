package io.usher.platform.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;

/** 429: a client went over a rate limit. */
public class RateLimitExceeded extends UsherException implements RetryLater {

    private final RateLimitDecision decision;

    public RateLimitExceeded(String code, String detail, RateLimitDecision decision) {
        super(429, code, detail);
        this.decision = decision;
    }

    @Override
    public Duration retryAfter() {
        return decision.retryAfter();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("retryAfterSeconds", Math.max(1, decision.retryAfter().toSeconds()));
    }
}
