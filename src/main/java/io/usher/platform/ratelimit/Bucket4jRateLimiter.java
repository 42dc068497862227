package io.usher.platform.ratelimit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Bucket4j behind {@link RateLimiter}. The bucket store is in-process or Redis; a store that fails lets the
 * request through (and logs it): a broken Redis must not take the whole API down.
 */
class Bucket4jRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(Bucket4jRateLimiter.class);

    private final BucketStore buckets;

    Bucket4jRateLimiter(BucketStore buckets) {
        this.buckets = buckets;
    }

    /** Where buckets live: takes one token from the bucket under {@code key}, creating it if needed. */
    @FunctionalInterface
    interface BucketStore {
        ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);
    }

    @Override
    public RateLimitDecision tryConsume(RateLimit limit, String subject) {
        var configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
        ConsumptionProbe probe;
        try {
            probe = buckets.tryConsume(limit.name() + ":" + subject, configuration);
        } catch (RuntimeException e) {
            log.warn("Rate limit store unavailable; letting the request through", e);
            return new RateLimitDecision(true, limit.capacity(), limit.capacity(), Duration.ZERO);
        }
        return new RateLimitDecision(probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
