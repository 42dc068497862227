package io.usher.desk.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.usher.desk.BusinessCalendar;
import io.usher.desk.Holiday;
import io.usher.desk.NameTaken;
import io.usher.desk.OpeningInterval;

/**
 * Calendars in {@code desk_calendars} with their hours and holidays. A change replaces the hours and holidays
 * wholesale: a calendar is small and is always written as a whole.
 */
@Repository
class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, BusinessCalendar calendar, Instant now) {
        try {
            jdbc.sql("""
                    insert into desk_calendars (id, name, timezone, created_at, updated_at)
                    values (:id, :name, :zone, :now, :now)
                    """).param("id", id).param("name", calendar.name()).param("zone", calendar.zone().getId())
                    .param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken("calendar", calendar.name());
        }
        writeChildren(id, calendar);
    }

    boolean replace(UUID id, BusinessCalendar calendar, Instant now) {
        int updated;
        try {
            updated = jdbc.sql("""
                    update desk_calendars set name = :name, timezone = :zone, updated_at = :now where id = :id
                    """).param("id", id).param("name", calendar.name()).param("zone", calendar.zone().getId())
                    .param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken("calendar", calendar.name());
        }
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from desk_calendar_hours where calendar_id = :id").param("id", id).update();
        jdbc.sql("delete from desk_calendar_holidays where calendar_id = :id").param("id", id).update();
        writeChildren(id, calendar);
        return true;
    }

    /** Adds holidays whose dates the calendar does not have yet; answers how many were new. */
    int addHolidays(UUID id, Collection<Holiday> holidays) {
        int added = 0;
        for (var holiday : holidays) {
            added += jdbc.sql("""
                    insert into desk_calendar_holidays (calendar_id, date, name) values (:id, :date, :name)
                    on conflict do nothing
                    """).param("id", id).param("date", holiday.date()).param("name", holiday.name()).update();
        }
        return added;
    }

    /** Locks the calendar's row for a change (imports and edits of one calendar take turns). */
    boolean lock(UUID id) {
        return jdbc.sql("select id from desk_calendars where id = :id for update").param("id", id)
                .query(UUID.class).optional().isPresent();
    }

    Optional<StoredCalendar> find(UUID id) {
        return load(jdbc.sql("select id, name, timezone from desk_calendars where id = :id").param("id", id)
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("timezone")))
                .list()).stream().findFirst();
    }

    List<StoredCalendar> all() {
        return load(jdbc.sql("select id, name, timezone from desk_calendars order by lower(name)")
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("timezone")))
                .list());
    }

    boolean inUse(UUID id) {
        return jdbc.sql("select exists (select 1 from desk_queues where calendar_id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    void delete(UUID id) {
        jdbc.sql("delete from desk_calendars where id = :id").param("id", id).update();
    }

    private record Row(UUID id, String name, String zone) {
    }

    private record HoursRow(UUID calendar, DayOfWeek day, OpeningInterval interval) {
    }

    private List<StoredCalendar> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        var hours = new HashMap<UUID, Map<DayOfWeek, List<OpeningInterval>>>();
        jdbc.sql("""
                select calendar_id, day_of_week, from_minute, to_minute from desk_calendar_hours
                where calendar_id = any(:ids) order by calendar_id, day_of_week, from_minute
                """).param("ids", ids)
                .query((rs, row) -> new HoursRow(rs.getObject("calendar_id", UUID.class),
                        DayOfWeek.of(rs.getInt("day_of_week")),
                        new OpeningInterval(rs.getInt("from_minute"), rs.getInt("to_minute"))))
                .list()
                .forEach(row -> hours.computeIfAbsent(row.calendar(), id -> new EnumMap<>(DayOfWeek.class))
                        .computeIfAbsent(row.day(), day -> new ArrayList<>()).add(row.interval()));
        var holidays = new HashMap<UUID, List<Holiday>>();
        jdbc.sql("""
                select calendar_id, date, name from desk_calendar_holidays where calendar_id = any(:ids)
                order by calendar_id, date
                """).param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("calendar_id", UUID.class),
                        new Holiday(rs.getObject("date", LocalDate.class), rs.getString("name"))))
                .list()
                .forEach(entry -> holidays.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        var result = new LinkedHashMap<UUID, StoredCalendar>();
        for (var row : rows) {
            result.put(row.id(), new StoredCalendar(row.id(), BusinessCalendar.of(row.name(), ZoneId.of(row.zone()),
                    hours.getOrDefault(row.id(), Map.of()), holidays.getOrDefault(row.id(), List.of()))));
        }
        return List.copyOf(result.values());
    }

    private void writeChildren(UUID id, BusinessCalendar calendar) {
        calendar.week().forEach((day, intervals) -> intervals.forEach(interval -> jdbc.sql("""
                insert into desk_calendar_hours (calendar_id, day_of_week, from_minute, to_minute)
                values (:id, :day, :from, :to)
                """).param("id", id).param("day", day.getValue()).param("from", interval.fromMinute())
                .param("to", interval.toMinute()).update()));
        addHolidays(id, calendar.holidays());
    }
}
