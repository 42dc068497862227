package io.usher.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.identity.CurrentUser;
import io.usher.identity.OrganizationId;
import io.usher.identity.Organizations;
import io.usher.identity.Role;
import io.usher.identity.UserId;

/**
 * Organizations and their members. Anyone who is not a member (nor an administrator) is told the
 * organization does not exist.
 */
@Service
public class OrganizationManagement implements Organizations {

    private final OrganizationRepository organizations;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Clock clock;

    OrganizationManagement(OrganizationRepository organizations, UserAccounts users, AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isMember(UserId user, OrganizationId organization) {
        return organizations.isMember(organization.value(), user.value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationId> organizationsOf(UserId user) {
        return organizations.organizationIdsOf(user.value()).stream().map(OrganizationId::new).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(OrganizationId organization) {
        return organizations.existsById(organization.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> name(OrganizationId organization) {
        return organizations.findById(organization.value()).map(Organization::name);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationId> findByName(String name) {
        return organizations.findIdByName(name.strip()).map(OrganizationId::new);
    }

    /** @throws OrganizationNameTaken the name is used already (in any letter case) */
    @Transactional
    public Organization create(CurrentUser actor, String name, Organization.Kind kind) {
        var organization = Organization.found(name, kind, actor.id().value(), clock.instant());
        try {
            organizations.save(organization);
        } catch (DuplicateKeyException | DbActionExecutionException e) {
            if (e instanceof DuplicateKeyException || e.getCause() instanceof DuplicateKeyException) {
                throw new OrganizationNameTaken();
            }
            throw e;
        }
        audit.record("IDENTITY_ORGANIZATION_CREATED", actor.id().value(), organization.id().toString(),
                Map.of("name", organization.name(), "kind", kind.name()));
        return organization;
    }

    @Transactional(readOnly = true)
    public List<Organization> mine(CurrentUser actor) {
        return organizations.findByMember(actor.id().value());
    }

    /** @throws OrganizationNotFound unknown, or the actor is neither a member nor an administrator */
    @Transactional(readOnly = true)
    public Organization get(CurrentUser actor, UUID id) {
        var organization = organizations.findById(id).orElseThrow(OrganizationNotFound::new);
        if (!actor.has(Role.ADMIN) && organization.membership(actor.id().value()).isEmpty()) {
            throw new OrganizationNotFound();
        }
        return organization;
    }

    /**
     * Adds a member by e-mail (or changes an existing member's role).
     *
     * @throws NotOrganizationOwner the actor is a member but not an owner
     * @throws UserNotFound no account has that e-mail
     */
    @Transactional
    public Organization admit(CurrentUser actor, UUID id, String email, Organization.MemberRole role) {
        var organization = manageable(actor, id);
        var user = users.findByEmail(email).orElseThrow(UserNotFound::new);
        organization.admit(user.id(), role, clock.instant());
        organizations.save(organization);
        audit.record("IDENTITY_MEMBER_ADDED", actor.id().value(), id.toString(),
                Map.of("user", user.id().toString(), "role", role.name()));
        return organization;
    }

    /** @throws LastOwner removing the only owner */
    @Transactional
    public Organization remove(CurrentUser actor, UUID id, UUID userId) {
        var organization = manageable(actor, id);
        if (!organization.remove(userId)) {
            throw new UserNotFound();
        }
        organizations.save(organization);
        audit.record("IDENTITY_MEMBER_REMOVED", actor.id().value(), id.toString(), Map.of("user", userId.toString()));
        return organization;
    }

    private Organization manageable(CurrentUser actor, UUID id) {
        var organization = get(actor, id);
        if (!actor.has(Role.ADMIN) && !organization.isOwner(actor.id().value())) {
            throw new NotOrganizationOwner();
        }
        return organization;
    }
}
