package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.CategoryId;
import io.usher.desk.Priority;
import io.usher.desk.SlaPolicy;

/** Configured SLA policies in {@code desk_sla_policies}; one per priority and category (or none). */
@Repository
class SlaPolicyStore {

    private final JdbcClient jdbc;

    SlaPolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the policy for its priority and category; answers its id. */
    UUID put(SlaPolicy policy) {
        return jdbc.sql("""
                insert into desk_sla_policies (id, priority, category_id, first_response_minutes, resolution_minutes)
                values (:id, :priority, :category, :first, :resolution)
                on conflict (priority, category_id) do update
                    set first_response_minutes = excluded.first_response_minutes,
                        resolution_minutes = excluded.resolution_minutes
                returning id
                """).param("id", UUID.randomUUID()).param("priority", policy.priority().name())
                .param("category", policy.category() == null ? null : policy.category().value())
                .param("first", policy.firstResponseMinutes()).param("resolution", policy.resolutionMinutes())
                .query(UUID.class).single();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from desk_sla_policies where id = :id").param("id", id).update() == 1;
    }

    List<StoredSlaPolicy> all() {
        return jdbc.sql("""
                select id, priority, category_id, first_response_minutes, resolution_minutes from desk_sla_policies
                order by category_id nulls first, array_position(array['CRITICAL','HIGH','MEDIUM','LOW'], priority)
                """).query((rs, row) -> {
                    var category = rs.getObject("category_id", UUID.class);
                    return new StoredSlaPolicy(rs.getObject("id", UUID.class),
                            new SlaPolicy(Priority.valueOf(rs.getString("priority")),
                                    category == null ? null : new CategoryId(category),
                                    rs.getLong("first_response_minutes"), rs.getLong("resolution_minutes")));
                }).list();
    }
}
