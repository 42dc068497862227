package io.usher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.lettuce.core.RedisClient;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;

/**
 * Rate limits shared through the local Redis (127.0.0.1:6379), as several instances would share them. Each
 * run uses its own key prefix, so runs never see each other's buckets.
 */
@TestPropertySource(properties = {
        "usher.rate-limit.redis-url=redis://127.0.0.1:6379",
        "usher.rate-limit.api-capacity=8",
        "usher.identity.login-attempts-per-minute-per-address=5",
        RedisRateLimitingIntegrationTests.PREFIX_PROPERTY})
class RedisRateLimitingIntegrationTests extends IntegrationTest {

    static final String RUN = "usher-test-";
    static final String PREFIX_PROPERTY = "usher.rate-limit.redis-key-prefix=" + RUN + "${random.uuid}:";

    @Autowired
    RedisClient redis;

    @Autowired
    io.usher.platform.ratelimit.RateLimitProperties properties;

    @Test
    void throttlesApiCallsPerClientAcrossTheSharedStore() {
        var client = api.with("X-Correlation-ID", UUID.randomUUID().toString());
        clock.advance(Duration.ofHours(1));
        int allowed = 0;
        String retryAfter = null;
        for (int i = 0; i < 12; i++) {
            var response = client.get("/api/v1/me");
            if (response.status() == 429) {
                retryAfter = response.header("Retry-After");
                assertThat(response.code()).isEqualTo("platform.rate_limited");
                assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
                break;
            }
            allowed++;
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("8");
        }

        assertThat(allowed).isLessThanOrEqualTo(8);
        assertThat(retryAfter).isNotNull();
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        try (var connection = redis.connect()) {
            assertThat(connection.sync().keys(properties.redisKeyPrefix() + "api:*")).isNotEmpty();
        }
    }

    @Test
    void throttlesSignInPerClientAddress() {
        clock.advance(Duration.ofHours(2));
        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            // a different account each time: only the per-address limit applies
            statuses.add(api.post("/api/v1/auth/login",
                    Map.of("email", Accounts.uniqueEmail("spray"), "password", "guess number " + i)).status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.get(5)).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/v1/auth/login", Map.of("email", Accounts.uniqueEmail("later"), "password", "x"))
                .status()).isEqualTo(401);
    }
}
