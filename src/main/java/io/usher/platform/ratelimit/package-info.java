/**
 * Token-bucket rate limits (Bucket4j): in-process by default, shared through Redis when
 * {@code usher.redis.url} is set so that every instance counts against the same buckets.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package io.usher.platform.ratelimit;
