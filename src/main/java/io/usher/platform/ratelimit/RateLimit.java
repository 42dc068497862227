package io.usher.platform.ratelimit;

import java.time.Duration;

/**
 * A limit of {@code capacity} requests per {@code period}, refilled gradually.
 *
 * @param name what is limited; part of the bucket key, so two limits on one subject never share tokens
 */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rate limit needs a name");
        }
        if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("capacity must be ≥ 1 and period positive");
        }
    }
}
