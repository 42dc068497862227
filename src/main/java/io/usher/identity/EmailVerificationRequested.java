package io.usher.identity;

import java.time.Instant;

/**
 * A user must confirm an e-mail address: the notification module mails them the link.
 *
 * @param token the single-use secret for the link; only its hash is stored by identity
 */
public record EmailVerificationRequested(UserId user, String email, String displayName, String token,
        Instant expiresAt) {
}
