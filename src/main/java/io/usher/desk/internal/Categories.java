package io.usher.desk.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.desk.CustomField;
import io.usher.desk.CustomFieldType;
import io.usher.desk.DeskNotFound;
import io.usher.desk.InvalidDeskInput;
import io.usher.identity.CurrentUser;

/** Categories and subcategories: where a ticket goes by default and which custom fields it carries. */
@Service
public class Categories {

    static final String INVALID = "desk.invalid_category";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int MAX_FIELDS = 30;
    private static final int MAX_OPTIONS = 100;

    private final CategoryStore store;
    private final QueueStore queues;
    private final AuditTrail audit;
    private final Clock clock;

    Categories(CategoryStore store, QueueStore queues, AuditTrail audit, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Category create(CurrentUser actor, CategoryDetails details) {
        var category = validate(UUID.randomUUID(), null, details);
        store.insert(category, clock.instant());
        audit.record("DESK_CATEGORY_CREATED", actor.id().value(), category.id().toString(), Map.of("name", category.name()));
        return category;
    }

    @Transactional
    public Category update(CurrentUser actor, UUID id, CategoryDetails details) {
        var existing = store.lock(id).orElseThrow(() -> new DeskNotFound("category"));
        var category = validate(id, existing, details);
        store.update(category, clock.instant());
        audit.record("DESK_CATEGORY_UPDATED", actor.id().value(), id.toString(), Map.of("name", category.name()));
        return category;
    }

    @Transactional(readOnly = true)
    public Category get(UUID id) {
        return store.find(id).orElseThrow(() -> new DeskNotFound("category"));
    }

    /** Top-level categories each followed by their subcategories. */
    @Transactional(readOnly = true)
    public List<Category> list() {
        return store.all();
    }

    private Category validate(UUID id, Category existing, CategoryDetails details) {
        if (details == null) {
            throw new InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var problems = new FieldProblems(INVALID);
        var name = problems.text("name", details.name(), 1, 100);
        UUID parent = details.parentId();
        if (existing != null) {
            if (parent != null && !parent.equals(existing.parentId())) {
                problems.add("parentId", "cannot change; create the category under the other parent");
            }
            parent = existing.parentId();
        } else if (parent != null) {
            var found = store.find(parent);
            if (found.isEmpty()) {
                problems.add("parentId", "is not a category");
            } else if (found.get().isSubcategory()) {
                problems.add("parentId", "is a subcategory; subcategories have no subcategories");
            }
        }
        if (details.defaultQueueId() == null) {
            if (parent == null) {
                problems.add("defaultQueueId", "must not be null for a top-level category");
            }
        } else if (queues.find(details.defaultQueueId()).isEmpty()) {
            problems.add("defaultQueueId", "is not a queue");
        }
        var fields = fields(problems, details.fields());
        problems.throwIfAny();
        return new Category(id, parent, name, details.defaultQueueId(), fields);
    }

    private static List<CustomField> fields(FieldProblems problems, List<CategoryDetails.FieldDetails> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_FIELDS) {
            problems.add("fields", "has at most " + MAX_FIELDS + " fields");
            return List.of();
        }
        var keys = new HashSet<String>();
        var result = new ArrayList<CustomField>();
        for (int i = 0; i < given.size(); i++) {
            var field = given.get(i);
            var prefix = "fields[" + i + "].";
            if (field == null) {
                problems.add("fields[" + i + "]", "must not be null");
                continue;
            }
            var key = field.key() == null ? null : field.key().strip();
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add(prefix + "key", "must be 1 to 40 lower-case letters, digits or _ starting with a letter");
            } else if (!keys.add(key)) {
                problems.add(prefix + "key", "is used by another field");
            }
            var label = problems.text(prefix + "label", field.label(), 1, 100);
            CustomFieldType type = null;
            try {
                type = field.type() == null ? null : CustomFieldType.valueOf(field.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (type == null) {
                problems.add(prefix + "type", "must be one of TEXT, NUMBER, DATE, SELECT, BOOLEAN");
            }
            var options = new ArrayList<String>();
            var givenOptions = field.options() == null ? List.<String>of() : field.options();
            if (type == CustomFieldType.SELECT) {
                if (givenOptions.isEmpty() || givenOptions.size() > MAX_OPTIONS) {
                    problems.add(prefix + "options", "must list 1 to " + MAX_OPTIONS + " options");
                }
                for (int j = 0; j < givenOptions.size(); j++) {
                    var option = problems.text(prefix + "options[" + j + "]", givenOptions.get(j), 1, 100);
                    if (option != null && options.contains(option)) {
                        problems.add(prefix + "options[" + j + "]", "is listed twice");
                    } else if (option != null) {
                        options.add(option);
                    }
                }
            } else if (!givenOptions.isEmpty()) {
                problems.add(prefix + "options", "are only for SELECT fields");
            }
            if (key != null && label != null && type != null) {
                result.add(new CustomField(key, label, type, Boolean.TRUE.equals(field.required()), options));
            }
        }
        return result;
    }

    /** The custom fields a ticket in this category (and subcategory, if any) carries: the category's, then the subcategory's. */
    @Transactional(readOnly = true)
    public List<CustomField> fieldsFor(UUID category, UUID subcategory) {
        var fields = new ArrayList<>(get(category).fields());
        if (subcategory != null) {
            fields.addAll(get(subcategory).fields());
        }
        return fields;
    }
}
