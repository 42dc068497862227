package io.usher.desk;

import java.time.LocalDate;
import java.util.Objects;

/** A whole day a calendar is closed, in the calendar's own timezone. */
public record Holiday(LocalDate date, String name) implements Comparable<Holiday> {

    public Holiday {
        Objects.requireNonNull(date, "holiday date");
        name = name == null || name.isBlank() ? "Holiday" : name.strip();
    }

    @Override
    public int compareTo(Holiday other) {
        return date.compareTo(other.date);
    }
}
