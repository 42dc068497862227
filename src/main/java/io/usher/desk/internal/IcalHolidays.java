package io.usher.desk.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.usher.desk.Holiday;

/**
 * Reads holidays from an iCalendar file (RFC 5545): every {@code VEVENT} whose {@code DTSTART} is a date (all-day,
 * {@code DTSTART;VALUE=DATE:20261225}) becomes a holiday named by its {@code SUMMARY}; a {@code DTEND} date
 * (exclusive, as the RFC says) makes it several days. Events at a time of day are not holidays and are skipped.
 * Folded lines are unfolded and text escapes undone; recurrence rules are not expanded (holiday feeds list each
 * year's dates).
 */
public final class IcalHolidays {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_DAYS_PER_EVENT = 366;

    private IcalHolidays() {
    }

    /** What an import found: the holidays, and how many events were skipped because they are not all-day. */
    public record Result(List<Holiday> holidays, int skipped) {
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException if it is not an iCalendar file or an all-day date cannot be read
     */
    public static Result parse(String text) {
        var lines = unfold(text == null ? "" : text);
        if (lines.stream().noneMatch(line -> line.equalsIgnoreCase("BEGIN:VCALENDAR"))) {
            throw new IllegalArgumentException("not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        var holidays = new ArrayList<Holiday>();
        int skipped = 0;
        boolean inEvent = false;
        String start = null;
        String end = null;
        String summary = null;
        boolean startIsDate = false;
        boolean endIsDate = false;
        int lineNumber = 0;
        for (var line : lines) {
            lineNumber++;
            var colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            var head = line.substring(0, colon);
            var value = line.substring(colon + 1).strip();
            var semicolon = head.indexOf(';');
            var name = (semicolon < 0 ? head : head.substring(0, semicolon)).toUpperCase(Locale.ROOT);
            var parameters = semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT);
            if (name.equals("BEGIN") && value.equalsIgnoreCase("VEVENT")) {
                inEvent = true;
                start = end = summary = null;
                startIsDate = endIsDate = false;
            } else if (!inEvent) {
                continue;
            } else if (name.equals("END") && value.equalsIgnoreCase("VEVENT")) {
                inEvent = false;
                if (start == null || !startIsDate) {
                    skipped++;
                    continue;
                }
                var first = date(start, lineNumber);
                var last = end != null && endIsDate ? date(end, lineNumber).minusDays(1) : first;
                if (last.isBefore(first)) {
                    last = first;
                }
                if (first.plusDays(MAX_DAYS_PER_EVENT).isBefore(last)) {
                    throw new IllegalArgumentException("line " + lineNumber + ": an all-day event longer than a year");
                }
                for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    holidays.add(new Holiday(day, summary));
                }
            } else if (name.equals("DTSTART")) {
                start = value;
                startIsDate = isDate(parameters, value);
            } else if (name.equals("DTEND")) {
                end = value;
                endIsDate = isDate(parameters, value);
            } else if (name.equals("SUMMARY")) {
                summary = unescape(value);
            }
        }
        return new Result(List.copyOf(holidays), skipped);
    }

    private static boolean isDate(String parameters, String value) {
        return parameters.contains("VALUE=DATE") && !parameters.contains("VALUE=DATE-TIME")
                || value.matches("\\d{8}");
    }

    private static LocalDate date(String value, int lineNumber) {
        try {
            return LocalDate.parse(value, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": '" + value + "' is not a date (YYYYMMDD)");
        }
    }

    /** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
    private static List<String> unfold(String text) {
        var lines = new ArrayList<String>();
        for (var raw : text.split("\r\n|\n|\r")) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    private static String unescape(String value) {
        return value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";")
                .replace("\\\\", "\\");
    }
}
