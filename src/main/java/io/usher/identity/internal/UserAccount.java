package io.usher.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.usher.identity.Role;
import io.usher.identity.UserId;

/** A user as stored: the row of {@code identity_users}. */
public record UserAccount(UUID id, String email, String passwordHash, String displayName, Set<Role> roles,
        boolean active, Instant emailVerifiedAt, int failedLogins, Instant lockedUntil, Instant createdAt) {

    public UserAccount {
        roles = roles.isEmpty() ? Set.of(Role.CUSTOMER) : Set.copyOf(EnumSet.copyOf(roles));
    }

    public UserId userId() {
        return new UserId(id);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
