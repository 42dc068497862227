package io.usher.identity.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.identity.EmailVerificationRequested;
import io.usher.identity.Role;

/** Sign-up and e-mail verification. */
@Service
public class Registration {

    private final UserAccounts users;
    private final OneTimeTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordHasher passwords;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdentityProperties properties;

    Registration(UserAccounts users, OneTimeTokens tokens, PasswordPolicy policy, PasswordHasher passwords,
            ApplicationEventPublisher events, AuditTrail audit, Clock clock, IdentityProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.passwords = passwords;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Creates a customer account and sends the verification e-mail (through an event, after commit).
     *
     * @throws WeakPassword the password breaks the policy
     * @throws EmailTaken the e-mail is registered already
     */
    @Transactional
    public UserAccount register(String email, String password, String displayName) {
        return create(email, password, displayName, Set.of(Role.CUSTOMER), false);
    }

    /** Creates an account with the given roles; used by demo data and administrators' tooling. */
    @Transactional
    public UserAccount create(String email, String password, String displayName, Set<Role> roles,
            boolean emailVerified) {
        var address = email.strip();
        policy.check(password, address);
        var now = clock.instant();
        var user = new UserAccount(UUID.randomUUID(), address, passwords.hash(password), displayName.strip(), roles,
                true, emailVerified ? now : null, 0, null, now);
        users.insert(user);
        audit.record("IDENTITY_USER_REGISTERED", user.id(), address, Map.of("roles", roles.toString()));
        if (!emailVerified) {
            requestVerification(user);
        }
        return user;
    }

    /** Sends a fresh verification link; earlier links stop working. Does nothing when already verified. */
    @Transactional
    public void resendVerification(UUID userId) {
        var user = users.findById(userId).orElseThrow(UserNotFound::new);
        if (!user.emailVerified()) {
            requestVerification(user);
        }
    }

    /**
     * Confirms the e-mail address the token was sent to.
     *
     * @throws InvalidToken unknown, used or expired token
     */
    @Transactional
    public void verifyEmail(String token) {
        var now = clock.instant();
        var userId = tokens.consume(token, OneTimeTokens.Purpose.VERIFY_EMAIL, now)
                .orElseThrow(() -> new InvalidToken("This verification link is invalid, used or expired."));
        users.markEmailVerified(userId, now);
        audit.record("IDENTITY_EMAIL_VERIFIED", userId, userId.toString(), Map.of());
    }

    private void requestVerification(UserAccount user) {
        var now = clock.instant();
        var expiresAt = now.plus(properties.emailVerificationTtl());
        var token = tokens.issue(user.id(), OneTimeTokens.Purpose.VERIFY_EMAIL, now, expiresAt);
        events.publishEvent(new EmailVerificationRequested(user.userId(), user.email(), user.displayName(), token,
                expiresAt));
    }
}
