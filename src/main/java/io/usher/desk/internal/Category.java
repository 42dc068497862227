package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

import io.usher.desk.CustomField;

/** A category or (with a parent) a subcategory, its default queue (null: the parent's) and its custom fields. */
public record Category(UUID id, UUID parentId, String name, UUID defaultQueueId, List<CustomField> fields) {

    public boolean isSubcategory() {
        return parentId != null;
    }
}
