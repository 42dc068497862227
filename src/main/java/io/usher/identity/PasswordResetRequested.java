package io.usher.identity;

import java.time.Instant;

/**
 * Someone asked to reset the password of an existing, active account: the owner gets the link by e-mail.
 *
 * @param token the single-use secret for the link; only its hash is stored by identity
 */
public record PasswordResetRequested(UserId user, String email, String displayName, String token,
        Instant expiresAt) {
}
