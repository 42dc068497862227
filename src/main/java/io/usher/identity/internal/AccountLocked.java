package io.usher.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.usher.common.RetryLater;
import io.usher.common.UsherException;

/** 423: too many consecutive failed sign-ins; the account is locked for a while. */
public class AccountLocked extends UsherException implements RetryLater {

    private final Instant lockedUntil;
    private final Duration retryAfter;

    public AccountLocked(Instant lockedUntil, Instant now) {
        super(423, "identity.account_locked",
                "Too many failed sign-ins. The account is locked until " + lockedUntil + ".");
        this.lockedUntil = lockedUntil;
        this.retryAfter = Duration.between(now, lockedUntil);
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("lockedUntil", lockedUntil.toString());
    }
}
