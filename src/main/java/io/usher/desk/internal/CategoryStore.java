package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.CustomField;
import io.usher.desk.CustomFieldType;
import io.usher.desk.NameTaken;

/** Categories in {@code desk_categories}, their custom fields in {@code desk_custom_fields}. */
@Repository
class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Category category, Instant now) {
        try {
            jdbc.sql("""
                    insert into desk_categories (id, parent_id, name, default_queue_id, created_at, updated_at)
                    values (:id, :parent, :name, :queue, :now, :now)
                    """).param("id", category.id()).param("parent", category.parentId()).param("name", category.name())
                    .param("queue", category.defaultQueueId()).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken("category", category.name());
        }
        writeFields(category);
    }

    void update(Category category, Instant now) {
        try {
            jdbc.sql("""
                    update desk_categories set name = :name, default_queue_id = :queue, updated_at = :now where id = :id
                    """).param("id", category.id()).param("name", category.name())
                    .param("queue", category.defaultQueueId()).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken("category", category.name());
        }
        jdbc.sql("delete from desk_custom_fields where category_id = :id").param("id", category.id()).update();
        writeFields(category);
    }

    Optional<Category> find(UUID id) {
        return load(jdbc.sql("select id, parent_id, name, default_queue_id from desk_categories where id = :id")
                .param("id", id).query(Row.class).list()).stream().findFirst();
    }

    Optional<Category> lock(UUID id) {
        return load(jdbc.sql("select id, parent_id, name, default_queue_id from desk_categories where id = :id for update")
                .param("id", id).query(Row.class).list()).stream().findFirst();
    }

    List<Category> all() {
        return load(jdbc.sql("""
                select c.id, c.parent_id, c.name, c.default_queue_id from desk_categories c
                left join desk_categories p on p.id = c.parent_id
                order by lower(coalesce(p.name, c.name)), c.parent_id nulls first, lower(c.name)
                """).query(Row.class).list());
    }

    record Row(UUID id, UUID parentId, String name, UUID defaultQueueId) {
    }

    private record FieldRow(UUID categoryId, CustomField field) {
    }

    private List<Category> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var fields = new HashMap<UUID, List<CustomField>>();
        jdbc.sql("""
                select category_id, key, label, type, required, options from desk_custom_fields
                where category_id = any(:ids) order by category_id, position
                """).param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, row) -> new FieldRow(rs.getObject("category_id", UUID.class),
                        new CustomField(rs.getString("key"), rs.getString("label"),
                                CustomFieldType.valueOf(rs.getString("type")), rs.getBoolean("required"),
                                Arrays.asList((String[]) rs.getArray("options").getArray()))))
                .list()
                .forEach(f -> fields.computeIfAbsent(f.categoryId(), id -> new ArrayList<>()).add(f.field()));
        return rows.stream().map(r -> new Category(r.id(), r.parentId(), r.name(), r.defaultQueueId(),
                List.copyOf(fields.getOrDefault(r.id(), List.of())))).toList();
    }

    private void writeFields(Category category) {
        for (int i = 0; i < category.fields().size(); i++) {
            var field = category.fields().get(i);
            jdbc.sql("""
                    insert into desk_custom_fields (category_id, key, position, label, type, required, options)
                    values (:category, :key, :position, :label, :type, :required, :options)
                    """).param("category", category.id()).param("key", field.key()).param("position", i)
                    .param("label", field.label()).param("type", field.type().name()).param("required", field.required())
                    .param("options", field.options().toArray(String[]::new)).update();
        }
    }
}
