package io.usher.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.usher.audit.AuditTrail;
import io.usher.identity.Role;

/** A user's own account and sessions, and administrators' management of users. */
@Service
public class Accounts {

    private final UserAccounts users;
    private final SessionStore sessions;
    private final SessionRegistry registry;
    private final PasswordPolicy policy;
    private final PasswordHasher passwords;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Accounts(UserAccounts users, SessionStore sessions, SessionRegistry registry, PasswordPolicy policy,
            PasswordHasher passwords, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.registry = registry;
        this.policy = policy;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public UserAccount get(UUID userId) {
        return users.findById(userId).orElseThrow(UserNotFound::new);
    }

    public UserAccount changeDisplayName(UUID userId, String displayName) {
        tx.executeWithoutResult(status -> users.changeDisplayName(userId, displayName.strip(), clock.instant()));
        return get(userId);
    }

    /**
     * Changes the password after checking the current one; every other session of the user ends.
     *
     * @throws BadCredentials the current password is wrong
     */
    public void changePassword(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        List<UUID> ended = tx.execute(status -> {
            var user = users.lockById(userId).orElseThrow(UserNotFound::new);
            if (!passwords.matches(currentPassword, user.passwordHash())) {
                throw new BadCredentials();
            }
            policy.check(newPassword, user.email());
            var now = clock.instant();
            users.changePassword(userId, passwords.hash(newPassword), now);
            var others = sessions.activeSessions(userId, now).stream()
                    .map(SignInSession::id).filter(id -> !id.equals(currentSession)).toList();
            others.forEach(id -> sessions.revoke(id, "PASSWORD_CHANGED", now));
            audit.record("IDENTITY_PASSWORD_CHANGED", userId, user.email(), Map.of());
            return others;
        });
        registry.forgetAll(ended);
    }

    /** The user's active sessions, newest first. */
    public List<SignInSession> sessions(UUID userId) {
        return sessions.activeSessions(userId, clock.instant());
    }

    /**
     * Revokes one of the user's own sessions.
     *
     * @throws SessionNotFound not a session of this user (or already ended)
     */
    public void revokeSession(UUID userId, UUID sessionId) {
        tx.executeWithoutResult(status -> {
            var session = sessions.findSession(sessionId).filter(s -> s.userId().equals(userId))
                    .filter(s -> s.activeAt(clock.instant())).orElseThrow(SessionNotFound::new);
            sessions.revoke(session.id(), "REVOKED_BY_USER", clock.instant());
            audit.record("IDENTITY_SESSION_REVOKED", userId, userId.toString(),
                    Map.of("session", sessionId.toString()));
        });
        registry.forget(sessionId);
    }

    /** A page of users matching {@code query} (e-mail or name), for administrators. */
    public UserPage search(String query, int page, int size) {
        var q = query == null ? "" : query.strip();
        return new UserPage(users.search(q, page, size), users.count(q), page, size);
    }

    /**
     * Changes a user's roles and/or active flag. Deactivating or demoting ends the user's sessions at once.
     *
     * @throws CannotChangeOwnAccess an administrator deactivating themselves or dropping their own ADMIN role
     */
    public UserAccount changeAccess(UUID actorId, UUID userId, Set<Role> roles, Boolean active) {
        List<UUID> ended = tx.execute(status -> {
            var user = users.lockById(userId).orElseThrow(UserNotFound::new);
            var newRoles = roles == null ? user.roles() : withCustomer(roles);
            var newActive = active == null ? user.active() : active;
            if (actorId.equals(userId) && (!newActive || !newRoles.contains(Role.ADMIN))) {
                throw new CannotChangeOwnAccess();
            }
            var now = clock.instant();
            users.changeAccess(userId, newRoles, newActive, now);
            var details = new HashMap<String, Object>();
            if (!newRoles.equals(user.roles())) {
                details.put("rolesBefore", user.roles().toString());
                details.put("rolesAfter", newRoles.toString());
                audit.record("IDENTITY_ROLES_CHANGED", actorId, userId.toString(), details);
            }
            if (newActive != user.active()) {
                audit.record(newActive ? "IDENTITY_USER_ACTIVATED" : "IDENTITY_USER_DEACTIVATED", actorId,
                        userId.toString(), Map.of());
            }
            var demoted = !newRoles.containsAll(user.roles());
            if (!newActive) {
                return sessions.revokeAll(userId, "DEACTIVATED", now);
            }
            if (demoted) {
                return sessions.revokeAll(userId, "ROLES_REDUCED", now);
            }
            return List.<UUID>of();
        });
        registry.forgetAll(ended);
        return get(userId);
    }

    private static Set<Role> withCustomer(Set<Role> roles) {
        var all = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        all.add(Role.CUSTOMER);
        return all;
    }

    /** One page of users. */
    public record UserPage(List<UserAccount> items, long total, int page, int size) {
    }
}
