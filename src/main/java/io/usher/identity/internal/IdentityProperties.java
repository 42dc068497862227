package io.usher.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Identity settings ({@code usher.identity.*}).
 *
 * @param loginAttemptsPerMinute sign-in attempts per account and minute
 * @param loginAttemptsPerMinutePerAddress sign-in attempts per client address and minute
 * @param jwtSecret base64 HMAC key (≥ 32 bytes) for access tokens; blank = a key kept in the database
 * @param refreshReuseGrace a rotated refresh token presented again within this window is a racing
 *        request (409), not theft; after it, reuse revokes the session
 * @param revocationCheckTtl how long an instance trusts its cached "session active" answer; the upper bound
 *        for another instance to refuse a signed-out access token
 * @param demoAccounts create the demo accounts on the embedded database
 */
@Validated
@ConfigurationProperties("usher.identity")
public record IdentityProperties(
        String jwtSecret,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration sessionMaxAge,
        @DefaultValue("5") @Min(1) int maxSessions,
        @DefaultValue("12") @Min(4) @Max(31) int bcryptCost,
        @DefaultValue("10") @Min(1) int lockoutThreshold,
        @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("5") @Min(1) int loginAttemptsPerMinute,
        @DefaultValue("5") @Min(1) int loginAttemptsPerMinutePerAddress,
        @DefaultValue("2s") Duration refreshReuseGrace,
        @DefaultValue("500ms") Duration revocationCheckTtl,
        @DefaultValue("24h") Duration emailVerificationTtl,
        @DefaultValue("1h") Duration passwordResetTtl,
        @DefaultValue("true") boolean demoAccounts) {
}
