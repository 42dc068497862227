package io.usher.catalog.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import io.usher.catalog.InvalidCatalogInput.FieldProblem;

/**
 * When an event takes place: as the organizer says it (local date-times in the event's time zone) and as
 * instants. A local time skipped by a daylight-saving change does not exist and is refused; one that occurs
 * twice means its first occurrence.
 */
public record Schedule(ZoneId zone, LocalDateTime startsLocal, LocalDateTime endsLocal, Instant startsAt,
        Instant endsAt) {

    public Schedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(startsLocal, "startsLocal");
        Objects.requireNonNull(endsLocal, "endsLocal");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("an event ends after it starts");
        }
    }

    /** The schedule, or {@code null} with the reasons added to {@code problems}. */
    static Schedule of(ZoneId zone, LocalDateTime starts, LocalDateTime ends, List<FieldProblem> problems) {
        int before = problems.size();
        var startsAt = instant(zone, starts, "startsAt", problems);
        var endsAt = instant(zone, ends, "endsAt", problems);
        if (problems.size() > before) {
            return null;
        }
        if (!endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
            return null;
        }
        return new Schedule(zone, starts.truncatedTo(ChronoUnit.SECONDS), ends.truncatedTo(ChronoUnit.SECONDS),
                startsAt, endsAt);
    }

    private static Instant instant(ZoneId zone, LocalDateTime local, String field, List<FieldProblem> problems) {
        if (local == null) {
            problems.add(new FieldProblem(field, "must not be null"));
            return null;
        }
        var time = local.truncatedTo(ChronoUnit.SECONDS);
        if (zone.getRules().getValidOffsets(time).isEmpty()) {
            problems.add(new FieldProblem(field, time + " does not exist in " + zone.getId()
                    + " (the clocks skip it for daylight saving time)"));
            return null;
        }
        return time.atZone(zone).toInstant();
    }

    boolean sameAs(Schedule other) {
        return zone.equals(other.zone) && startsLocal.equals(other.startsLocal) && endsLocal.equals(other.endsLocal);
    }
}
