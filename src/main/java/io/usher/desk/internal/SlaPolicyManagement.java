package io.usher.desk.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.desk.CategoryId;
import io.usher.desk.DeskNotFound;
import io.usher.desk.Priority;
import io.usher.desk.SlaPolicies;
import io.usher.desk.SlaPolicy;
import io.usher.identity.CurrentUser;

/** SLA policies: the configured ones, and the full set of targets they make with the built-in defaults. */
@Service
public class SlaPolicyManagement {

    static final String INVALID = "desk.invalid_sla_policy";

    private final SlaPolicyStore store;
    private final CategoryStore categories;
    private final AuditTrail audit;

    SlaPolicyManagement(SlaPolicyStore store, CategoryStore categories, AuditTrail audit) {
        this.store = store;
        this.categories = categories;
        this.audit = audit;
    }

    /** Sets the targets for a priority (and category); replaces what was set for the same pair. */
    @Transactional
    public StoredSlaPolicy put(CurrentUser actor, SlaPolicyDetails details) {
        var policy = validate(details);
        var id = store.put(policy);
        var entry = new LinkedHashMap<String, Object>();
        entry.put("priority", policy.priority().name());
        entry.put("category", policy.category() == null ? "all" : policy.category().toString());
        entry.put("firstResponseMinutes", policy.firstResponseMinutes());
        entry.put("resolutionMinutes", policy.resolutionMinutes());
        audit.record("DESK_SLA_POLICY_SET", actor.id().value(), id.toString(), entry);
        return new StoredSlaPolicy(id, policy);
    }

    /** Removes a configured policy; its priority (and category) falls back to the next general one. */
    @Transactional
    public void delete(CurrentUser actor, UUID id) {
        if (!store.delete(id)) {
            throw new DeskNotFound("sla_policy");
        }
        audit.record("DESK_SLA_POLICY_DELETED", actor.id().value(), id.toString(), Map.of());
    }

    @Transactional(readOnly = true)
    public java.util.List<StoredSlaPolicy> configured() {
        return store.all();
    }

    /** The targets in force: configured policies over the built-in defaults. */
    @Transactional(readOnly = true)
    public SlaPolicies policies() {
        return new SlaPolicies(store.all().stream().map(StoredSlaPolicy::policy).toList());
    }

    private SlaPolicy validate(SlaPolicyDetails details) {
        if (details == null) {
            throw new io.usher.desk.InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var problems = new FieldProblems(INVALID);
        Priority priority = null;
        try {
            priority = details.priority() == null ? null : Priority.valueOf(details.priority().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (priority == null) {
            problems.add("priority", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
        }
        if (details.categoryId() != null && categories.find(details.categoryId()).isEmpty()) {
            problems.add("categoryId", "is not a category");
        }
        var first = details.firstResponseMinutes();
        var resolution = details.resolutionMinutes();
        if (first == null || first < 1 || first > SlaPolicy.MAX_MINUTES) {
            problems.add("firstResponseMinutes", "must be 1 to " + SlaPolicy.MAX_MINUTES);
        }
        if (resolution == null || resolution < 1 || resolution > SlaPolicy.MAX_MINUTES) {
            problems.add("resolutionMinutes", "must be 1 to " + SlaPolicy.MAX_MINUTES);
        }
        if (problems.isEmpty() && first > resolution) {
            problems.add("firstResponseMinutes", "must not be longer than resolutionMinutes");
        }
        problems.throwIfAny();
        return new SlaPolicy(priority, details.categoryId() == null ? null : new CategoryId(details.categoryId()),
                first, resolution);
    }
}
