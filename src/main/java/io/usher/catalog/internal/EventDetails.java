package io.usher.catalog.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.usher.catalog.EventCategory;
import io.usher.catalog.InvalidCatalogInput.FieldProblem;

/**
 * What an organizer says about an event, as given: exactly one of {@code venueId} and {@code location}; the
 * time zone comes from the venue, or is given with a free-text location; start and end are local to it.
 *
 * @param holdDurationMinutes {@code null} = 15
 * @param maxTicketsPerBuyer {@code null} = 10
 * @param taxRateBasisPoints tax added to orders, in hundredths of a percent (0–10,000); {@code null} = 0 for a new
 *        event, unchanged for an existing one
 * @param refundDaysBefore buyers may cancel for a full refund until this many days before the start (0–365);
 *        {@code null} = they cannot cancel themselves
 */
public record EventDetails(String title, String description, EventCategory category, UUID venueId,
        String location, String timezone, LocalDateTime startsAt, LocalDateTime endsAt, String imageUrl,
        Integer holdDurationMinutes, Integer maxTicketsPerBuyer, Integer taxRateBasisPoints,
        Integer refundDaysBefore) {

    static final int DEFAULT_HOLD_MINUTES = 15;
    static final int DEFAULT_MAX_PER_BUYER = 10;
    static final int MAX_DESCRIPTION = 10_000;

    public String title() {
        return title == null ? null : title.strip();
    }

    public String description() {
        return description == null ? "" : description.strip();
    }

    public String location() {
        return location == null || location.isBlank() ? null : location.strip();
    }

    public String imageUrl() {
        return imageUrl == null || imageUrl.isBlank() ? null : imageUrl.strip();
    }

    public int holdMinutes() {
        return holdDurationMinutes == null ? DEFAULT_HOLD_MINUTES : holdDurationMinutes;
    }

    public int maxPerBuyer() {
        return maxTicketsPerBuyer == null ? DEFAULT_MAX_PER_BUYER : maxTicketsPerBuyer;
    }

    /** What is wrong with these details on their own (the venue and the schedule are checked with the venue). */
    List<FieldProblem> problems() {
        var problems = new ArrayList<FieldProblem>();
        if (title() == null || title().length() < 3 || title().length() > 200) {
            problems.add(new FieldProblem("title", "must be 3–200 characters"));
        }
        if (description().length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "must be at most 10,000 characters of Markdown"));
        }
        if (category == null) {
            problems.add(new FieldProblem("category", "must be one of CONCERT, SPORTS, THEATER, CONFERENCE, "
                    + "FESTIVAL, OTHER"));
        }
        if ((venueId == null) == (location() == null)) {
            problems.add(new FieldProblem(venueId == null ? "location" : "venueId",
                    "give exactly one of venueId and location"));
        }
        if (location() != null && location().length() > 300) {
            problems.add(new FieldProblem("location", "must be at most 300 characters"));
        }
        if (location() != null && venueId == null && (timezone == null || timezone.isBlank())) {
            problems.add(new FieldProblem("timezone", "is required with a free-text location"));
        } else if (timezone != null && !timezone.isBlank() && Timezones.parse(timezone).isEmpty()) {
            problems.add(new FieldProblem("timezone", Timezones.problem(timezone)));
        }
        var image = imageProblem(imageUrl());
        if (image != null) {
            problems.add(new FieldProblem("imageUrl", image));
        }
        if (holdMinutes() < 1 || holdMinutes() > 120) {
            problems.add(new FieldProblem("holdDurationMinutes", "must be 1–120"));
        }
        if (taxRateBasisPoints != null && (taxRateBasisPoints < 0 || taxRateBasisPoints > 10_000)) {
            problems.add(new FieldProblem("taxRateBasisPoints", "must be 0–10,000 (hundredths of a percent)"));
        }
        if (refundDaysBefore != null && (refundDaysBefore < 0 || refundDaysBefore > 365)) {
            problems.add(new FieldProblem("refundDaysBefore", "must be 0–365 days, or left out for no refunds"));
        }
        if (maxPerBuyer() < 1 || maxPerBuyer() > 20) {
            problems.add(new FieldProblem("maxTicketsPerBuyer", "must be 1–20"));
        }
        return problems;
    }

    /** Images are shown on pages served over TLS: only absolute https URLs. */
    static String imageProblem(String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > 2000) {
            return "must be at most 2,000 characters";
        }
        try {
            var uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
                return "must be an absolute https:// URL";
            }
            return null;
        } catch (URISyntaxException e) {
            return "must be an absolute https:// URL";
        }
    }
}
