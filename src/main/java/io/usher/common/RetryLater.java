package io.usher.common;

import java.time.Duration;

/** A failure that clears by itself; the web layer adds a {@code Retry-After} header. */
public interface RetryLater {

    Duration retryAfter();
}
