package io.usher.platform.ratelimit;

import java.time.Duration;

/**
 * The outcome of taking one token.
 *
 * @param retryAfter how long until a token is available again; zero when allowed
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration retryAfter) {
}
