package io.usher.desk.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A calendar as an administrator writes it: a name, an IANA timezone, either {@code alwaysOpen} or opening
 * {@code hours} per weekday ({@code {"MONDAY": ["09:00-12:00", "13:00-17:00"]}}, three-letter days accepted), and
 * holidays.
 */
public record CalendarDetails(String name, String timezone, Boolean alwaysOpen, Map<String, List<String>> hours,
        List<HolidayDetails> holidays) {

    /** A holiday as written. */
    public record HolidayDetails(LocalDate date, String name) {
    }
}
