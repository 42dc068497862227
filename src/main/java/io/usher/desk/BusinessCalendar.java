package io.usher.desk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * When a support team works: opening intervals per weekday in one IANA timezone, minus whole-day holidays. SLA
 * targets count only the time a calendar is open ("business time").
 *
 * <p>Intervals are wall-clock times, so on daylight-saving days an interval is as long as the time that really
 * passes: 00:00–24:00 lasts 23 hours on a spring-forward day and 25 on a fall-back day; a start or end inside the
 * skipped hour moves forward by the gap, and one inside the repeated hour means its first occurrence. The
 * arithmetic steps from interval to interval (never minute by minute) and is exact to the nanosecond.
 *
 * <p>Immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** How far ahead a due time may lie before the arithmetic gives up (a guard against absurd targets). */
    private static final int MAX_DAYS = 366 * 50;

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningInterval>> week;
    private final NavigableMap<LocalDate, Holiday> holidays;
    private final boolean alwaysOpen;

    private BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> week,
            Collection<Holiday> holidays) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a calendar has a name");
        }
        this.name = name.strip();
        this.zone = Objects.requireNonNull(zone, "zone");
        var days = new EnumMap<DayOfWeek, List<OpeningInterval>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            var intervals = new ArrayList<>(week.getOrDefault(day, List.of()));
            Collections.sort(intervals);
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i - 1).overlaps(intervals.get(i))) {
                    throw new IllegalArgumentException(label(day) + ": intervals " + intervals.get(i - 1) + " and "
                            + intervals.get(i) + " overlap");
                }
            }
            days.put(day, List.copyOf(intervals));
        }
        if (days.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a calendar is open at least once a week");
        }
        this.week = Collections.unmodifiableMap(days);
        var byDate = new TreeMap<LocalDate, Holiday>();
        for (var holiday : holidays) {
            byDate.putIfAbsent(holiday.date(), holiday);
        }
        this.holidays = Collections.unmodifiableNavigableMap(byDate);
        this.alwaysOpen = byDate.isEmpty()
                && days.values().stream().allMatch(day -> day.equals(List.of(OpeningInterval.WHOLE_DAY)));
    }

    /**
     * A calendar with these opening hours and holidays.
     *
     * @throws IllegalArgumentException if intervals of one day overlap or the calendar never opens
     */
    public static BusinessCalendar of(String name, ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> week,
            Collection<Holiday> holidays) {
        return new BusinessCalendar(name, zone, week, holidays);
    }

    /** Open around the clock, every day: business time is real time. */
    public static BusinessCalendar alwaysOpen(String name, ZoneId zone) {
        var week = new EnumMap<DayOfWeek, List<OpeningInterval>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, List.of(OpeningInterval.WHOLE_DAY));
        }
        return new BusinessCalendar(name, zone, week, List.of());
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<OpeningInterval>> week() {
        return week;
    }

    public List<Holiday> holidays() {
        return List.copyOf(holidays.values());
    }

    /** Whether business time is simply real time (open 24/7, no holidays). */
    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** A copy with more holidays (a date already present keeps its first name). */
    public BusinessCalendar withHolidays(Collection<Holiday> more) {
        var all = new ArrayList<>(holidays.values());
        all.addAll(more);
        return new BusinessCalendar(name, zone, week, all);
    }

    /** The instant at which {@code minutes} business minutes have passed since {@code start}. */
    public Instant addBusinessMinutes(Instant start, long minutes) {
        return addBusinessTime(start, Duration.ofMinutes(minutes));
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}. A start outside opening
     * hours counts from the next opening; an amount of zero answers the start itself.
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add is not negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        if (alwaysOpen) {
            return start.plus(amount);
        }
        var remaining = amount;
        var date = LocalDate.ofInstant(start, zone);
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            if (holidays.containsKey(date)) {
                continue;
            }
            for (var interval : week.get(date.getDayOfWeek())) {
                var opens = instant(date, interval.fromMinute());
                var closes = instant(date, interval.toMinute());
                if (!closes.isAfter(start)) {
                    continue;
                }
                var from = opens.isAfter(start) ? opens : start;
                var available = Duration.between(from, closes);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("a due time more than 50 years ahead: " + amount + " from " + start);
    }

    /** Whole business minutes between two instants (rounded down); zero if {@code to} is not after {@code from}. */
    public long businessMinutesBetween(Instant from, Instant to) {
        return businessTimeBetween(from, to).toMinutes();
    }

    /** Business time between two instants; zero if {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        var total = Duration.ZERO;
        var last = LocalDate.ofInstant(to, zone);
        for (var date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            if (holidays.containsKey(date)) {
                continue;
            }
            for (var interval : week.get(date.getDayOfWeek())) {
                var opens = max(instant(date, interval.fromMinute()), from);
                var closes = min(instant(date, interval.toMinute()), to);
                if (closes.isAfter(opens)) {
                    total = total.plus(Duration.between(opens, closes));
                }
            }
        }
        return total;
    }

    /** Whether the calendar is open at this instant. */
    public boolean isOpen(Instant at) {
        var date = LocalDate.ofInstant(at, zone);
        // An interval ending at 24:00 of the previous day never covers today, so today's intervals suffice.
        if (holidays.containsKey(date)) {
            return false;
        }
        for (var interval : week.get(date.getDayOfWeek())) {
            if (!instant(date, interval.fromMinute()).isAfter(at) && instant(date, interval.toMinute()).isAfter(at)) {
                return true;
            }
        }
        return false;
    }

    /** The holidays between two instants' dates (inclusive), to name the ones that moved a due time. */
    public List<Holiday> holidaysBetween(Instant from, Instant to) {
        var first = LocalDate.ofInstant(from, zone);
        var last = LocalDate.ofInstant(to, zone);
        if (last.isBefore(first)) {
            return List.of();
        }
        return List.copyOf(holidays.subMap(first, true, last, true).values());
    }

    /** E.g. {@code 'Support EU' Mon–Fri 09:00–17:00 Europe/Berlin}, or {@code '24/7' open around the clock UTC}. */
    public String describe() {
        if (week.values().stream().allMatch(day -> day.equals(List.of(OpeningInterval.WHOLE_DAY)))) {
            return "'" + name + "' open around the clock " + zone.getId();
        }
        var parts = new ArrayList<String>();
        var days = DayOfWeek.values();
        for (int i = 0; i < days.length; ) {
            var hours = week.get(days[i]);
            int j = i;
            while (j + 1 < days.length && week.get(days[j + 1]).equals(hours)) {
                j++;
            }
            if (!hours.isEmpty()) {
                var range = i == j ? label(days[i]) : label(days[i]) + "–" + label(days[j]);
                parts.add(range + " " + hours.stream().map(OpeningInterval::toString).collect(Collectors.joining(", ")));
            }
            i = j + 1;
        }
        return "'" + name + "' " + String.join("; ", parts) + " " + zone.getId();
    }

    private Instant instant(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == 0) {
            return date.atStartOfDay(zone).toInstant();
        }
        if (minuteOfDay == 24 * 60) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date.atTime(minuteOfDay / 60, minuteOfDay % 60), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static String label(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessCalendar that && name.equals(that.name) && zone.equals(that.zone)
                && week.equals(that.week) && holidays.equals(that.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, zone, week, holidays);
    }

    @Override
    public String toString() {
        return describe();
    }
}
