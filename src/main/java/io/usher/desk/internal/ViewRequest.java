package io.usher.desk.internal;

import java.util.List;

/**
 * What an agent asks a view for, as typed (query parameters or the page's form); {@link AgentViews} checks it.
 * Empty and blank values mean "no filter".
 *
 * @param statuses ticket statuses, each one value or several separated by commas
 * @param priorities priorities, likewise
 * @param categoryId matches the ticket's category or subcategory
 * @param text a piece of the number or subject (case-insensitive substring)
 * @param cursor the {@code nextCursor} of the page before, to continue after it
 * @param limit rows per page, 1 to {@link AgentViews#MAX_LIMIT}; null for {@link AgentViews#DEFAULT_LIMIT}
 */
public record ViewRequest(List<String> statuses, List<String> priorities, String queueId, String assigneeId,
        String categoryId, String requesterId, String text, String cursor, Integer limit) {

    public ViewRequest {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    /** No filter, the first page. */
    public static ViewRequest first() {
        return new ViewRequest(List.of(), List.of(), null, null, null, null, null, null, null);
    }
}
