package io.usher.desk;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which SLA targets apply: a policy for the ticket's subcategory and priority wins over one for its category,
 * which wins over the priority's general policy, which wins over the built-in {@link #DEFAULTS}.
 */
public final class SlaPolicies {

    /** CRITICAL 30 min / 4 h, HIGH 2 h / 8 h, MEDIUM 8 h / 24 h, LOW 24 h / 40 h, in business minutes. */
    public static final Map<Priority, SlaPolicy> DEFAULTS = defaults();

    private final Map<Priority, SlaPolicy> general = new EnumMap<>(Priority.class);
    private final Map<Key, SlaPolicy> perCategory = new HashMap<>();

    private record Key(Priority priority, CategoryId category) {
    }

    public SlaPolicies(Collection<SlaPolicy> configured) {
        general.putAll(DEFAULTS);
        for (var policy : configured) {
            if (policy.category() == null) {
                general.put(policy.priority(), policy);
            } else {
                perCategory.put(new Key(policy.priority(), policy.category()), policy);
            }
        }
    }

    /**
     * The policy for a priority and the ticket's categories, most specific first (subcategory, then category);
     * nulls in the list are ignored.
     */
    public SlaPolicy policyFor(Priority priority, List<CategoryId> categories) {
        Objects.requireNonNull(priority, "priority");
        for (var category : categories) {
            if (category == null) {
                continue;
            }
            var policy = perCategory.get(new Key(priority, category));
            if (policy != null) {
                return policy;
            }
        }
        return general.get(priority);
    }

    /** Whether a policy is one of the built-in defaults rather than configured. */
    public static boolean isDefault(SlaPolicy policy) {
        return policy.category() == null && policy.equals(DEFAULTS.get(policy.priority()));
    }

    private static Map<Priority, SlaPolicy> defaults() {
        var map = new EnumMap<Priority, SlaPolicy>(Priority.class);
        map.put(Priority.CRITICAL, new SlaPolicy(Priority.CRITICAL, null, 30, 4 * 60));
        map.put(Priority.HIGH, new SlaPolicy(Priority.HIGH, null, 2 * 60, 8 * 60));
        map.put(Priority.MEDIUM, new SlaPolicy(Priority.MEDIUM, null, 8 * 60, 24 * 60));
        map.put(Priority.LOW, new SlaPolicy(Priority.LOW, null, 24 * 60, 40 * 60));
        return java.util.Collections.unmodifiableMap(map);
    }
}
