package io.usher.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, UUID> {

    @Query("""
            select o.* from identity_organizations o
            join identity_memberships m on m.organization_id = o.id
            where m.user_id = :userId order by lower(o.name)
            """)
    List<Organization> findByMember(UUID userId);

    @Query("select count(*) > 0 from identity_memberships where organization_id = :organizationId and user_id = :userId")
    boolean isMember(UUID organizationId, UUID userId);

    @Query("select organization_id from identity_memberships where user_id = :userId")
    List<UUID> organizationIdsOf(UUID userId);

    @Query("select id from identity_organizations where lower(name) = lower(:name)")
    Optional<UUID> findIdByName(String name);
}
