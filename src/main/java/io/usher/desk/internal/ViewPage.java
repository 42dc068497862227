package io.usher.desk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One page of a view.
 *
 * @param nextCursor pass it back as {@link ViewRequest#cursor()} for the next page; null on the last page
 * @param at the instant the SLA states were worked out for
 * @param horizon how far ahead "due soon" looks ({@code usher.desk.breaching-horizon})
 */
public record ViewPage(AgentView view, List<ViewRow> rows, String nextCursor, Instant at, Duration horizon) {
}
