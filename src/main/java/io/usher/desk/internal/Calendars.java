package io.usher.desk.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.audit.AuditTrail;
import io.usher.desk.BusinessCalendar;
import io.usher.desk.CalendarInUse;
import io.usher.desk.DeskNotFound;
import io.usher.desk.Holiday;
import io.usher.desk.InvalidDeskInput;
import io.usher.desk.OpeningInterval;
import io.usher.identity.CurrentUser;

/** Business calendars: administrators write them, queues work by them, SLA due times come from them. */
@Service
public class Calendars {

    static final String INVALID = "desk.invalid_calendar";
    private static final int MAX_HOLIDAYS = 2_000;
    private static final int MAX_INTERVALS_PER_DAY = 12;

    private final CalendarStore store;
    private final AuditTrail audit;
    private final Clock clock;

    Calendars(CalendarStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an iCal import did. */
    public record Import(int imported, int skipped, StoredCalendar calendar) {
    }

    @Transactional
    public StoredCalendar create(CurrentUser actor, CalendarDetails details) {
        var calendar = parse(details);
        var id = UUID.randomUUID();
        store.insert(id, calendar, clock.instant());
        audit.record("DESK_CALENDAR_CREATED", actor.id().value(), id.toString(), Map.of("name", calendar.name()));
        return new StoredCalendar(id, calendar);
    }

    @Transactional
    public StoredCalendar update(CurrentUser actor, UUID id, CalendarDetails details) {
        var calendar = parse(details);
        if (!store.lock(id) || !store.replace(id, calendar, clock.instant())) {
            throw new DeskNotFound("calendar");
        }
        audit.record("DESK_CALENDAR_UPDATED", actor.id().value(), id.toString(), Map.of("name", calendar.name()));
        return new StoredCalendar(id, calendar);
    }

    @Transactional
    public void delete(CurrentUser actor, UUID id) {
        if (!store.lock(id)) {
            throw new DeskNotFound("calendar");
        }
        if (store.inUse(id)) {
            throw new CalendarInUse();
        }
        store.delete(id);
        audit.record("DESK_CALENDAR_DELETED", actor.id().value(), id.toString(), Map.of());
    }

    /** Adds the all-day events of an iCalendar file as holidays; dates the calendar has already keep their name. */
    @Transactional
    public Import importHolidays(CurrentUser actor, UUID id, String ical) {
        IcalHolidays.Result parsed;
        try {
            parsed = IcalHolidays.parse(ical);
        } catch (IllegalArgumentException e) {
            throw new InvalidDeskInput(INVALID, "ical", e.getMessage());
        }
        if (!store.lock(id)) {
            throw new DeskNotFound("calendar");
        }
        var before = get(id);
        if (before.calendar().holidays().size() + parsed.holidays().size() > MAX_HOLIDAYS) {
            throw new InvalidDeskInput(INVALID, "ical", "a calendar has at most " + MAX_HOLIDAYS + " holidays");
        }
        int imported = store.addHolidays(id, parsed.holidays());
        audit.record("DESK_CALENDAR_HOLIDAYS_IMPORTED", actor.id().value(), id.toString(),
                Map.of("imported", imported, "skipped", parsed.skipped()));
        return new Import(imported, parsed.skipped(), get(id));
    }

    @Transactional(readOnly = true)
    public StoredCalendar get(UUID id) {
        return store.find(id).orElseThrow(() -> new DeskNotFound("calendar"));
    }

    @Transactional(readOnly = true)
    public List<StoredCalendar> list() {
        return store.all();
    }

    /** The due time of {@code minutes} business minutes from {@code start} on a calendar, to try it out. */
    @Transactional(readOnly = true)
    public Instant due(UUID id, Instant start, long minutes) {
        if (minutes < 0 || minutes > io.usher.desk.SlaPolicy.MAX_MINUTES) {
            throw new InvalidDeskInput(INVALID, "minutes", "must be 0 to " + io.usher.desk.SlaPolicy.MAX_MINUTES);
        }
        return get(id).calendar().addBusinessMinutes(start, minutes);
    }

    static BusinessCalendar parse(CalendarDetails details) {
        var problems = new FieldProblems(INVALID);
        if (details == null) {
            throw new InvalidDeskInput(INVALID, "body", "must not be empty");
        }
        var name = problems.text("name", details.name(), 1, 100);
        ZoneId zone = null;
        if (details.timezone() == null || details.timezone().isBlank()) {
            problems.add("timezone", "must not be blank");
        } else if (!ZoneId.getAvailableZoneIds().contains(details.timezone().strip())) {
            problems.add("timezone", "must be an IANA time zone such as Europe/Berlin");
        } else {
            try {
                zone = ZoneId.of(details.timezone().strip());
            } catch (DateTimeException e) {
                problems.add("timezone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        boolean alwaysOpen = Boolean.TRUE.equals(details.alwaysOpen());
        var week = new EnumMap<DayOfWeek, List<OpeningInterval>>(DayOfWeek.class);
        if (alwaysOpen) {
            if (details.hours() != null && !details.hours().isEmpty()) {
                problems.add("hours", "must be empty for a calendar that is always open");
            }
            for (var day : DayOfWeek.values()) {
                week.put(day, List.of(OpeningInterval.WHOLE_DAY));
            }
        } else if (details.hours() == null || details.hours().isEmpty()) {
            problems.add("hours", "must give opening hours for at least one day (or set alwaysOpen)");
        } else {
            details.hours().forEach((dayName, intervals) -> {
                var day = day(dayName);
                var field = "hours." + dayName;
                if (day == null) {
                    problems.add(field, "is not a weekday (MONDAY … SUNDAY or MON … SUN)");
                    return;
                }
                if (week.containsKey(day)) {
                    problems.add(field, "names a day given already");
                    return;
                }
                var parsed = new ArrayList<OpeningInterval>();
                var list = intervals == null ? List.<String>of() : intervals;
                if (list.size() > MAX_INTERVALS_PER_DAY) {
                    problems.add(field, "has at most " + MAX_INTERVALS_PER_DAY + " intervals");
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    try {
                        var interval = OpeningInterval.parse(list.get(i));
                        for (var other : parsed) {
                            if (other.overlaps(interval)) {
                                throw new IllegalArgumentException(other + " and " + interval + " overlap");
                            }
                        }
                        parsed.add(interval);
                    } catch (IllegalArgumentException e) {
                        problems.add(field + "[" + i + "]", e.getMessage());
                    }
                }
                week.put(day, parsed);
            });
            if (problems.isEmpty() && week.values().stream().allMatch(List::isEmpty)) {
                problems.add("hours", "must open at least once a week");
            }
        }
        var holidays = new ArrayList<Holiday>();
        var list = details.holidays() == null ? List.<CalendarDetails.HolidayDetails>of() : details.holidays();
        if (list.size() > MAX_HOLIDAYS) {
            problems.add("holidays", "has at most " + MAX_HOLIDAYS + " entries");
        } else {
            var dates = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                var holiday = list.get(i);
                if (holiday == null || holiday.date() == null) {
                    problems.add("holidays[" + i + "].date", "must not be null");
                    continue;
                }
                if (!dates.add(holiday.date())) {
                    problems.add("holidays[" + i + "].date", "is listed twice");
                }
                var holidayName = problems.text("holidays[" + i + "].name", holiday.name(), 0, 200);
                holidays.add(new Holiday(holiday.date(), holidayName));
            }
        }
        problems.throwIfAny();
        try {
            return BusinessCalendar.of(name, zone, week, holidays);
        } catch (IllegalArgumentException e) {
            throw new InvalidDeskInput(INVALID, "hours", e.getMessage());
        }
    }

    private static DayOfWeek day(String name) {
        if (name == null) {
            return null;
        }
        var upper = name.strip().toUpperCase(Locale.ROOT);
        for (var day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        return null;
    }
}
