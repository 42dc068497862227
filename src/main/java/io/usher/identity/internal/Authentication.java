package io.usher.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.platform.ratelimit.RateLimit;
import io.usher.platform.ratelimit.RateLimitExceeded;
import io.usher.platform.ratelimit.RateLimiter;

/**
 * Sign-in, refresh-token rotation and sign-out.
 * <p>
 * Sign-in is throttled per client address and per account, and a run of failures locks the account.
 * Each refresh rotates the token; a rotated token presented again means it leaked, so the whole session is
 * revoked, except within a short grace window where it is a racing request of the same client.
 */
@Service
public class Authentication {

    private final UserAccounts users;
    private final SessionStore sessions;
    private final SessionRegistry registry;
    private final AccessTokens accessTokens;
    private final PasswordHasher passwords;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IdentityProperties properties;

    Authentication(UserAccounts users, SessionStore sessions, SessionRegistry registry, AccessTokens accessTokens,
            PasswordHasher passwords, RateLimiter rateLimiter, AuditTrail audit, TransactionTemplate tx, Clock clock,
            IdentityProperties properties) {
        this.users = users;
        this.sessions = sessions;
        this.registry = registry;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Signs in and opens a new session; the oldest sessions beyond the per-user maximum are revoked.
     *
     * @throws RateLimitExceeded over 5 attempts a minute from one address or for one account
     * @throws BadCredentials wrong password or unknown e-mail
     * @throws AccountLocked after too many consecutive failures
     * @throws AccountDisabled the account was deactivated
     */
    public TokenPair login(String email, String password, ClientInfo client) {
        var account = UserAccounts.normalize(email);
        throttle(new RateLimit("login-ip", properties.loginAttemptsPerMinutePerAddress(), Duration.ofMinutes(1)),
                client.ip());
        throttle(new RateLimit("login-account", properties.loginAttemptsPerMinute(), Duration.ofMinutes(1)), account);
        Outcome<LoginResult> outcome = tx.execute(status -> attemptLogin(account, password, client));
        var result = outcome.orThrow();
        registry.forgetAll(result.revokedSessions());
        return result.tokens();
    }

    private Outcome<LoginResult> attemptLogin(String email, String password, ClientInfo client) {
        var now = clock.instant();
        var found = users.lockByEmail(email);
        if (found.isEmpty()) {
            passwords.spendTimeLikeAMatch(password);
            audit.record("IDENTITY_LOGIN_FAILED", null, email, Map.of("reason", "unknown_email"));
            return Outcome.fail(new BadCredentials());
        }
        var user = found.get();
        if (user.lockedAt(now)) {
            passwords.spendTimeLikeAMatch(password);
            audit.record("IDENTITY_LOGIN_FAILED", user.id(), email, Map.of("reason", "locked"));
            return Outcome.fail(new AccountLocked(user.lockedUntil(), now));
        }
        if (!passwords.matches(password, user.passwordHash())) {
            var lockedUntil = users.recordFailedLogin(user.id(), properties.lockoutThreshold(),
                    now.plus(properties.lockoutDuration()), now);
            audit.record("IDENTITY_LOGIN_FAILED", user.id(), email, Map.of("reason", "bad_password"));
            if (lockedUntil.isPresent()) {
                audit.record("IDENTITY_ACCOUNT_LOCKED", user.id(), email,
                        Map.of("until", lockedUntil.get().toString()));
                return Outcome.fail(new AccountLocked(lockedUntil.get(), now));
            }
            return Outcome.fail(new BadCredentials());
        }
        if (!user.active()) {
            audit.record("IDENTITY_LOGIN_FAILED", user.id(), email, Map.of("reason", "deactivated"));
            return Outcome.fail(new AccountDisabled());
        }
        users.recordSuccessfulLogin(user.id(), now);
        var sessionId = UUID.randomUUID();
        sessions.insertSession(new SignInSession(sessionId, user.id(), now,
                now.plus(properties.sessionMaxAge()), now, null, null, client.userAgent(), client.ip()));
        var revoked = sessions.revokeBeyond(user.id(), properties.maxSessions(), "SESSION_LIMIT", now);
        var tokens = issue(user, sessionId, now.plus(properties.sessionMaxAge()), now);
        audit.record("IDENTITY_LOGIN_SUCCEEDED", user.id(), email, Map.of("session", sessionId.toString()));
        return Outcome.ok(new LoginResult(tokens, revoked));
    }

    /**
     * Trades a refresh token for a new pair; the presented token stops working.
     *
     * @throws InvalidToken unknown or expired token
     * @throws TokenReused the token had been rotated: the session is revoked
     * @throws RefreshConflict the token was rotated moments ago by a concurrent request
     * @throws SessionRevoked the session ended or the user was deactivated
     */
    public TokenPair refresh(String refreshToken, ClientInfo client) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidToken("The refresh token is missing.");
        }
        var hash = SecretTokens.hash(refreshToken);
        Outcome<TokenPair> outcome = tx.execute(status -> attemptRefresh(hash, client));
        if (outcome instanceof Outcome.Failed<TokenPair>(TokenReused reused)) {
            registry.forget(reused.sessionId());
        }
        return outcome.orThrow();
    }

    private Outcome<TokenPair> attemptRefresh(byte[] hash, ClientInfo client) {
        var now = clock.instant();
        var found = sessions.lockRefreshToken(hash);
        if (found.isEmpty()) {
            return Outcome.fail(new InvalidToken("The refresh token is not valid."));
        }
        var token = found.get();
        if (token.rotatedAt() != null) {
            if (!token.rotatedAt().plus(properties.refreshReuseGrace()).isBefore(now)) {
                return Outcome.fail(new RefreshConflict());
            }
            var session = sessions.findSession(token.sessionId()).orElseThrow();
            sessions.revoke(token.sessionId(), "TOKEN_REUSE", now);
            audit.record("IDENTITY_REFRESH_TOKEN_REUSED", session.userId(), session.userId().toString(),
                    Map.of("session", token.sessionId().toString()));
            return Outcome.fail(new TokenReused(token.sessionId()));
        }
        if (!token.expiresAt().isAfter(now)) {
            return Outcome.fail(new InvalidToken("The refresh token has expired. Sign in again."));
        }
        var session = sessions.findSession(token.sessionId()).orElseThrow();
        var user = users.findById(session.userId()).orElseThrow();
        if (!session.activeAt(now) || !user.active()) {
            return Outcome.fail(new SessionRevoked());
        }
        sessions.markRotated(hash, now);
        sessions.touch(session.id(), now, client.ip());
        return Outcome.ok(issue(user, session.id(), session.expiresAt(), now));
    }

    /** Ends the session; its refresh token and every access token of it stop working. */
    public void logout(UUID sessionId, UUID userId) {
        tx.executeWithoutResult(status -> {
            if (sessions.revoke(sessionId, "LOGOUT", clock.instant())) {
                audit.record("IDENTITY_LOGOUT", userId, userId.toString(), Map.of("session", sessionId.toString()));
            }
        });
        registry.forget(sessionId);
    }

    private TokenPair issue(UserAccount user, UUID sessionId, Instant sessionEnds, Instant now) {
        var refreshToken = SecretTokens.generate();
        var refreshExpires = min(now.plus(properties.refreshTokenTtl()), sessionEnds);
        sessions.insertRefreshToken(SecretTokens.hash(refreshToken), sessionId, now, refreshExpires);
        var access = accessTokens.issue(user, sessionId);
        return new TokenPair(access.value(), access.expiresAt(), access.ttl(), refreshToken, refreshExpires,
                sessionId, user);
    }

    private void throttle(RateLimit limit, String subject) {
        var decision = rateLimiter.tryConsume(limit, subject == null ? "unknown" : subject);
        if (!decision.allowed()) {
            throw new RateLimitExceeded("identity.too_many_attempts",
                    "Too many sign-in attempts. Wait a minute and try again.", decision);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record LoginResult(TokenPair tokens, List<UUID> revokedSessions) {
    }
}
