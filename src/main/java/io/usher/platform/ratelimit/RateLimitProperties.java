package io.usher.platform.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled switch for the general API limit (login throttling is always on)
 * @param apiCapacity requests per client (user, or IP when anonymous) and {@code apiPeriod} on {@code /api/**}
 * @param redisUrl Redis to share buckets between instances, e.g. {@code redis://127.0.0.1:6379}; blank = in-process
 * @param redisKeyPrefix prefix of bucket keys in Redis
 */
@ConfigurationProperties("usher.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") long apiCapacity,
        @DefaultValue("1m") Duration apiPeriod,
        String redisUrl,
        @DefaultValue("usher:rl:") String redisKeyPrefix) {

    public boolean usesRedis() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    RateLimit apiLimit() {
        return new RateLimit("api", apiCapacity, apiPeriod);
    }
}
