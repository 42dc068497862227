package io.usher.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.identity.PasswordResetRequested;
import io.usher.platform.ratelimit.RateLimit;
import io.usher.platform.ratelimit.RateLimitExceeded;
import io.usher.platform.ratelimit.RateLimiter;

/**
 * Forgotten passwords. A request never tells whether the e-mail has an account; the link works once, for an
 * hour, and using it ends every session of the account.
 */
@Service
public class PasswordReset {

    private static final RateLimit PER_ADDRESS = new RateLimit("reset-ip", 10, Duration.ofMinutes(10));
    private static final RateLimit PER_ACCOUNT = new RateLimit("reset-account", 3, Duration.ofHours(1));

    private final UserAccounts users;
    private final SessionStore sessions;
    private final SessionRegistry registry;
    private final OneTimeTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordHasher passwords;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final IdentityProperties properties;

    PasswordReset(UserAccounts users, SessionStore sessions, SessionRegistry registry, OneTimeTokens tokens,
            PasswordPolicy policy, PasswordHasher passwords, ApplicationEventPublisher events, AuditTrail audit,
            TransactionTemplate tx, RateLimiter rateLimiter, Clock clock, IdentityProperties properties) {
        this.users = users;
        this.sessions = sessions;
        this.registry = registry;
        this.tokens = tokens;
        this.policy = policy;
        this.passwords = passwords;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Mails a reset link when the e-mail belongs to an active account; the caller answers the same either way.
     * Per account at most 3 mails an hour (silently), per client address 10 requests in 10 minutes (429).
     */
    public void request(String email, ClientInfo client) {
        var address = rateLimiter.tryConsume(PER_ADDRESS, String.valueOf(client.ip()));
        if (!address.allowed()) {
            throw new RateLimitExceeded("identity.too_many_attempts",
                    "Too many password reset requests. Try again later.", address);
        }
        var normalized = UserAccounts.normalize(email);
        tx.executeWithoutResult(status -> users.findByEmail(normalized).filter(UserAccount::active).ifPresent(user -> {
            if (!rateLimiter.tryConsume(PER_ACCOUNT, user.id().toString()).allowed()) {
                audit.record("IDENTITY_PASSWORD_RESET_THROTTLED", null, normalized, Map.of());
                return;
            }
            var now = clock.instant();
            var expiresAt = now.plus(properties.passwordResetTtl());
            var token = tokens.issue(user.id(), OneTimeTokens.Purpose.RESET_PASSWORD, now, expiresAt);
            events.publishEvent(new PasswordResetRequested(user.userId(), user.email(), user.displayName(), token,
                    expiresAt));
            audit.record("IDENTITY_PASSWORD_RESET_REQUESTED", null, normalized, Map.of());
        }));
    }

    /**
     * Sets a new password with a reset token and signs the account out everywhere.
     *
     * @throws InvalidToken unknown, used or expired token
     * @throws WeakPassword the new password breaks the policy (the token stays usable)
     */
    public void confirm(String token, String newPassword) {
        List<UUID> revoked = tx.execute(status -> {
            var now = clock.instant();
            var userId = tokens.consume(token, OneTimeTokens.Purpose.RESET_PASSWORD, now)
                    .orElseThrow(() -> new InvalidToken("This reset link is invalid, used or expired."));
            var user = users.lockById(userId).orElseThrow(UserNotFound::new);
            policy.check(newPassword, user.email());
            users.changePassword(user.id(), passwords.hash(newPassword), now);
            var ended = sessions.revokeAll(user.id(), "PASSWORD_RESET", now);
            audit.record("IDENTITY_PASSWORD_RESET", user.id(), user.email(), Map.of("sessionsRevoked", ended.size()));
            return ended;
        });
        registry.forgetAll(revoked);
    }
}
