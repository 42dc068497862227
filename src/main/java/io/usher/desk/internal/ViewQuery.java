package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One read of an agent view, as SQL over {@code desk_tickets} that walks index ranges in {@code (sla_due, number)}
 * order (V28, V29) and stops after a page: one range per visible queue (a {@code LATERAL} subquery per queue taking
 * at most a page), merging those short sorted runs — an index in queue order cannot hand out several queues'
 * tickets in due order by itself.
 *
 * <p>Plain Java (no Spring), so the desk benchmark can run the very same statement over JDBC.
 *
 * @param queues the queues the caller may see (after the queue filter); never empty
 * @param until BREACHING: due at or before this
 * @param pattern an ILIKE pattern for {@code number || ' ' || subject}, or null
 * @param limit rows to read (a page and one more, to know whether another page follows)
 */
record ViewQuery(AgentView view, UUID me, List<UUID> queues, Instant until, Set<String> statuses,
        Set<String> priorities, UUID assignee, UUID category, UUID requester, String pattern, Cursor after,
        int limit) {

    private static final String COLUMNS = """
            t.id, t.number, t.subject, t.status, t.priority, t.queue_id, t.assignee_id, t.requester_id,
                    t.first_response_due, t.resolution_due, t.sla_due,
                    case when t.sla_due = 'infinity' then null else t.sla_due end as due""";

    ViewQuery {
        queues = List.copyOf(queues);
        statuses = Set.copyOf(statuses);
        priorities = Set.copyOf(priorities);
    }

    /** The last row of a page, where the next starts: {@code due} is "infinity" or an ISO instant. */
    record Cursor(String due, String number) {
    }

    /** The named parameters {@link #sql()} uses. */
    Map<String, Object> parameters() {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("limit", limit);
        parameters.put("queues", queues.toArray(UUID[]::new));
        if (view == AgentView.MINE) {
            parameters.put("me", me);
        }
        if (view == AgentView.BREACHING) {
            parameters.put("until", Timestamp.from(until));
        }
        if (!statuses.isEmpty()) {
            parameters.put("statuses", statuses.toArray(String[]::new));
        }
        if (!priorities.isEmpty()) {
            parameters.put("priorities", priorities.toArray(String[]::new));
        }
        if (assignee != null) {
            parameters.put("assignee", assignee);
        }
        if (category != null) {
            parameters.put("category", category);
        }
        if (requester != null) {
            parameters.put("requester", requester);
        }
        if (pattern != null) {
            parameters.put("pattern", pattern);
        }
        if (after != null) {
            parameters.put("afterDue", after.due());
            parameters.put("afterNumber", after.number());
        }
        return parameters;
    }

    /** The statement: only which fixed conditions appear depends on the query, never a value. */
    String sql() {
        var filters = new ArrayList<String>();
        if (!statuses.isEmpty()) {
            filters.add("t.status = any(:statuses)");
        }
        if (!priorities.isEmpty()) {
            filters.add("t.priority = any(:priorities)");
        }
        if (assignee != null) {
            filters.add("t.assignee_id = :assignee");
        }
        if (category != null) {
            filters.add("(t.category_id = :category or t.subcategory_id = :category)");
        }
        if (requester != null) {
            filters.add("t.requester_id = :requester");
        }
        if (pattern != null) {
            // the very expression of the trigram index desk_tickets_text
            filters.add("(t.number || ' ' || t.subject) ilike :pattern");
        }
        if (after != null) {
            filters.add("(t.sla_due, t.number) > (cast(:afterDue as timestamptz), cast(:afterNumber as text))");
        }
        var and = filters.stream().map(f -> "\n      and " + f).reduce("", String::concat);
        // The status predicates are written as literals, like the partial indexes', so every plan can use those.
        return switch (view) {
            case MINE -> perQueue("and t.assignee_id = :me and t.status not in ('RESOLVED', 'CLOSED')", and);
            case UNASSIGNED -> perQueue("and t.assignee_id is null and t.status not in ('RESOLVED', 'CLOSED')", and);
            case BREACHING -> perQueue("and t.sla_due <= :until", and);
            case ALL -> perQueue("", and);
        };
    }

    private static String perQueue(String view, String and) {
        return """
                select t.* from unnest(cast(:queues as uuid[])) as q(id)
                cross join lateral (
                    select %s
                    from desk_tickets t
                    where t.queue_id = q.id %s%s
                    order by t.sla_due, t.number
                    limit :limit) t
                order by t.sla_due, t.number
                limit :limit""".formatted(COLUMNS, view, and);
    }
}
