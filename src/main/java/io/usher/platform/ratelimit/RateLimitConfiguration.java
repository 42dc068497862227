package io.usher.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, Clock clock, java.util.Optional<RedisClient> redis) {
        var timeMeter = new ClockTimeMeter(clock);
        if (redis.isPresent()) {
            var proxies = Bucket4jLettuce.casBasedBuilder(redis.get())
                    .clientClock(timeMeter)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build();
            var prefix = properties.redisKeyPrefix();
            return new Bucket4jRateLimiter((key, configuration) -> proxies.builder()
                    .build((prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration)
                    .tryConsumeAndReturnRemaining(1));
        }
        // Buckets idle for an hour are full again anyway: forget them.
        var local = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).<String, Bucket>build();
        return new Bucket4jRateLimiter((key, configuration) -> local.get(key,
                k -> Bucket.builder().withCustomTimePrecision(timeMeter)
                        .addLimit(configuration.getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1));
    }

    @Bean(destroyMethod = "shutdown")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${usher.rate-limit.redis-url:}' != ''")
    RedisClient redisClient(RateLimitProperties properties) {
        return RedisClient.create(properties.redisUrl());
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(RedisClient.class)
    HealthIndicator redisHealthIndicator(RedisClient redis) {
        return () -> {
            try (var connection = redis.connect()) {
                return "PONG".equals(connection.sync().ping()) ? Health.up().build() : Health.down().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
