package io.usher.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;

import io.usher.catalog.EventCategory;
import io.usher.catalog.InvalidCatalogInput.FieldProblem;
import io.usher.catalog.InvalidEventQuery;

/**
 * What a storefront visitor asks for, as given. {@code from} and {@code to} are instants
 * ({@code 2026-12-01T18:00:00Z}) or dates ({@code 2026-12-01}); a date means the event's local calendar day,
 * {@code to} including its whole day. Without {@code from}, events that have ended are left out.
 *
 * @param q full-text words (web-search syntax: quotes, {@code or}, {@code -word}) over title, place and
 *        description
 * @param sort {@code start} (default), {@code price} (lowest ticket price) or {@code title}
 */
public record EventSearch(String from, String to, String category, String q, boolean availableOnly, String sort,
        int page, int size) {

    /** The query for the store, or {@link InvalidEventQuery} naming each malformed parameter. */
    EventStore.Browse toBrowse(Instant now) {
        var problems = new ArrayList<FieldProblem>();
        var fromInstant = instant(from, "from", problems);
        var fromDate = fromInstant == null ? date(from, "from", problems) : null;
        var toInstant = instant(to, "to", problems);
        var toDate = toInstant == null ? date(to, "to", problems) : null;
        if (fromInstant != null && toInstant != null && toInstant.isBefore(fromInstant)
                || fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        EventCategory parsedCategory = null;
        if (category != null && !category.isBlank()) {
            try {
                parsedCategory = EventCategory.valueOf(category.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("category", "must be one of CONCERT, SPORTS, THEATER, CONFERENCE, "
                        + "FESTIVAL, OTHER"));
            }
        }
        var text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            problems.add(new FieldProblem("q", "must be at most 200 characters"));
        }
        var order = EventStore.Sort.START;
        if (sort != null && !sort.isBlank()) {
            switch (sort.strip().toLowerCase(Locale.ROOT)) {
                case "start" -> order = EventStore.Sort.START;
                case "price" -> order = EventStore.Sort.PRICE;
                case "title" -> order = EventStore.Sort.TITLE;
                default -> problems.add(new FieldProblem("sort", "must be start, price or title"));
            }
        }
        pageProblems(page, size, problems);
        if (!problems.isEmpty()) {
            throw new InvalidEventQuery(problems);
        }
        var notEndedAt = from == null || from.isBlank() ? now : null;
        return new EventStore.Browse(fromInstant, fromDate, toInstant, toDate, notEndedAt, parsedCategory, text, null,
                order, page, size);
    }

    static final int MAX_PAGE_SIZE = 100;

    /** Pages are numbered from 0; a page has 1–100 items. */
    static void pageProblems(int page, int size, java.util.List<FieldProblem> problems) {
        if (page < 0 || page > 10_000) {
            problems.add(new FieldProblem("page", "must be 0–10,000"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be 1–" + MAX_PAGE_SIZE));
        }
    }

    private static Instant instant(String value, String field, java.util.List<FieldProblem> problems) {
        if (value == null || value.isBlank() || !value.contains("T")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an instant such as 2026-12-01T18:00:00Z or a date such "
                    + "as 2026-12-01"));
            return null;
        }
    }

    private static LocalDate date(String value, String field, java.util.List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.contains("T")) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an instant such as 2026-12-01T18:00:00Z or a date such "
                    + "as 2026-12-01"));
            return null;
        }
    }
}
