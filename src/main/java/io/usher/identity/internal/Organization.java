package io.usher.identity.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organizer team or a support team: an aggregate with its memberships. Membership changes go through its
 * methods, which keep at least one owner.
 */
@Table("identity_organizations")
public class Organization {

    /** What the organization does; later modules scope events (ORGANIZER) and queues (SUPPORT) to it. */
    public enum Kind { ORGANIZER, SUPPORT }

    /** A member's standing; owners manage the members. */
    public enum MemberRole { OWNER, MEMBER }

    @Id
    private final UUID id;
    private final String name;
    private final Kind kind;
    private final Instant createdAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "organization_id")
    private final Set<Membership> memberships;

    @PersistenceCreator
    Organization(UUID id, String name, Kind kind, Instant createdAt, Integer version, Set<Membership> memberships) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.createdAt = createdAt;
        this.version = version;
        this.memberships = new HashSet<>(memberships);
    }

    static Organization found(String name, Kind kind, UUID owner, Instant now) {
        var organization = new Organization(UUID.randomUUID(), name.strip(), kind, now, null, Set.of());
        organization.memberships.add(new Membership(owner, MemberRole.OWNER, now));
        return organization;
    }

    /** Adds a member, or changes the role of an existing one. */
    void admit(UUID userId, MemberRole role, Instant now) {
        var existing = membership(userId);
        if (existing.isPresent() && existing.get().role() == MemberRole.OWNER && role != MemberRole.OWNER) {
            requireAnotherOwner(userId);
        }
        memberships.removeIf(m -> m.userId().equals(userId));
        memberships.add(new Membership(userId, role, existing.map(Membership::addedAt).orElse(now)));
    }

    /** @return whether the user was a member */
    boolean remove(UUID userId) {
        var existing = membership(userId);
        if (existing.isEmpty()) {
            return false;
        }
        if (existing.get().role() == MemberRole.OWNER) {
            requireAnotherOwner(userId);
        }
        return memberships.removeIf(m -> m.userId().equals(userId));
    }

    private void requireAnotherOwner(UUID leaving) {
        var owners = memberships.stream()
                .filter(m -> m.role() == MemberRole.OWNER && !m.userId().equals(leaving)).count();
        if (owners == 0) {
            throw new LastOwner();
        }
    }

    Optional<Membership> membership(UUID userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    boolean isOwner(UUID userId) {
        return membership(userId).map(m -> m.role() == MemberRole.OWNER).orElse(false);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<Membership> memberships() {
        return Set.copyOf(memberships);
    }

    /** One user's membership; a value inside the organization aggregate. */
    @Table("identity_memberships")
    public record Membership(UUID userId, MemberRole role, Instant addedAt) {
    }
}
