package io.usher.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.usher.desk.Holiday;

class IcalHolidaysTests {

    @Test
    void readsAllDayEventsAsHolidays() {
        var result = IcalHolidays.parse("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Example//Holidays//EN\r
                BEGIN:VEVENT\r
                UID:1@example\r
                DTSTART;VALUE=DATE:20261225\r
                DTEND;VALUE=DATE:20261226\r
                SUMMARY:Christmas Day\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:2@example\r
                DTSTART;VALUE=DATE:20270101\r
                SUMMARY:New Year's Day\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
        assertThat(result.holidays()).containsExactly(
                new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day"),
                new Holiday(LocalDate.of(2027, 1, 1), "New Year's Day"));
        assertThat(result.skipped()).isZero();
    }

    @Test
    void expandsAMultiDayEventUpToItsExclusiveEnd() {
        var result = IcalHolidays.parse("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261224
                DTEND;VALUE=DATE:20261227
                SUMMARY:Christmas
                END:VEVENT
                END:VCALENDAR
                """);
        assertThat(result.holidays()).extracting(Holiday::date).containsExactly(LocalDate.of(2026, 12, 24),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    @Test
    void skipsEventsAtATimeOfDay() {
        var result = IcalHolidays.parse("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART:20261224T120000Z
                DTEND:20261224T130000Z
                SUMMARY:Team lunch
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Berlin:20261231T140000
                SUMMARY:Early close
                END:VEVENT
                BEGIN:VEVENT
                DTSTART:20261231
                SUMMARY:New Year's Eve
                END:VEVENT
                END:VCALENDAR
                """);
        assertThat(result.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 12, 31), "New Year's Eve"));
        assertThat(result.skipped()).isEqualTo(2);
    }

    @Test
    void unfoldsLongLinesAndUndoesEscapes() {
        var result = IcalHolidays.parse("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                SUMMARY:Tag der Deutschen\\, 
                  Einheit
                DTSTART;VALUE=DATE:20261003
                END:VEVENT
                END:VCALENDAR
                """);
        assertThat(result.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 10, 3), "Tag der Deutschen, Einheit"));
    }

    @Test
    void ignoresPropertiesOutsideEventsAndNamesUnnamedHolidays() {
        var result = IcalHolidays.parse("""
                BEGIN:VCALENDAR
                DTSTART;VALUE=DATE:20260101
                BEGIN:VTIMEZONE
                TZID:Europe/Berlin
                END:VTIMEZONE
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260501
                END:VEVENT
                END:VCALENDAR
                """);
        assertThat(result.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 5, 1), "Holiday"));
    }

    @Test
    void refusesWhatIsNotACalendarOrNotADate() {
        assertThatIllegalArgumentException().isThrownBy(() -> IcalHolidays.parse("hello"))
                .withMessageContaining("VCALENDAR");
        assertThatIllegalArgumentException().isThrownBy(() -> IcalHolidays.parse("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:2026-12-25
                END:VEVENT
                END:VCALENDAR
                """)).withMessageContaining("not a date");
    }
}
