package io.usher.platform.ratelimit;

/** Takes tokens from named buckets. Thread-safe; shared across instances when Redis is configured. */
public interface RateLimiter {

    /** Takes one token from the bucket of {@code limit} for {@code subject} (an IP, a user id, an e-mail). */
    RateLimitDecision tryConsume(RateLimit limit, String subject);
}
