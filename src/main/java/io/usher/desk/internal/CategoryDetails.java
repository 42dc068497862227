package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

/**
 * A category as an administrator writes it: a name (unique among its siblings), a parent for a subcategory (fixed
 * once created), the default queue (required for a top-level category; a subcategory without one uses its
 * parent's), and its custom fields.
 */
public record CategoryDetails(String name, UUID parentId, UUID defaultQueueId, List<FieldDetails> fields) {

    /** A custom field as written; {@code type} one of TEXT, NUMBER, DATE, SELECT, BOOLEAN. */
    public record FieldDetails(String key, String label, String type, Boolean required, List<String> options) {
    }
}
