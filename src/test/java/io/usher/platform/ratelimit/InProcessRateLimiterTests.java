package io.usher.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.usher.support.MutableClock;

/** The in-process bucket store (the default when no Redis is configured), on a clock the test moves. */
class InProcessRateLimiterTests {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimitConfiguration()
            .rateLimiter(new RateLimitProperties(true, 100, Duration.ofMinutes(1), null, "x:"), clock, Optional.empty());
    private final RateLimit fivePerMinute = new RateLimit("test", 5, Duration.ofMinutes(1));

    @Test
    void allowsTheCapacityThenRefusesWithTheTimeUntilTheNextToken() {
        for (int i = 4; i >= 0; i--) {
            var decision = limiter.tryConsume(fivePerMinute, "alice");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }

        var refused = limiter.tryConsume(fivePerMinute, "alice");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(11), Duration.ofSeconds(12));
    }

    @Test
    void keepsSeparateBucketsPerSubjectAndPerLimit() {
        for (int i = 0; i < 5; i++) {
            limiter.tryConsume(fivePerMinute, "bob");
        }

        assertThat(limiter.tryConsume(fivePerMinute, "bob").allowed()).isFalse();
        assertThat(limiter.tryConsume(fivePerMinute, "carol").allowed()).isTrue();
        assertThat(limiter.tryConsume(new RateLimit("other", 5, Duration.ofMinutes(1)), "bob").allowed()).isTrue();
    }

    @Test
    void refillsAsTheClockMoves() {
        for (int i = 0; i < 5; i++) {
            limiter.tryConsume(fivePerMinute, "dave");
        }
        clock.advance(Duration.ofSeconds(12));

        assertThat(limiter.tryConsume(fivePerMinute, "dave").allowed()).isTrue();
        assertThat(limiter.tryConsume(fivePerMinute, "dave").allowed()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryConsume(fivePerMinute, "dave").remaining()).isEqualTo(4);
    }
}
