package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final BusinessCalendar SUPPORT_EU = BusinessCalendar.of("Support EU", BERLIN,
            weekdays(OpeningInterval.parse("09:00-17:00")),
            List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day")));

    static Map<DayOfWeek, List<OpeningInterval>> weekdays(OpeningInterval... intervals) {
        var week = new EnumMap<DayOfWeek, List<OpeningInterval>>(DayOfWeek.class);
        for (var day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(intervals));
        }
        return week;
    }

    static Map<DayOfWeek, List<OpeningInterval>> everyDay(OpeningInterval... intervals) {
        var week = new EnumMap<DayOfWeek, List<OpeningInterval>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, List.of(intervals));
        }
        return week;
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant berlin(String localDateTime) {
        return at(localDateTime, BERLIN);
    }

    @Nested
    class AddingBusinessMinutes {

        @Test
        void staysWithinTheDayWhenTimeIsLeft() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T09:12"), 120))
                    .isEqualTo(berlin("2026-11-23T11:12"));
        }

        @Test
        void endsExactlyAtClosingWhenTheDayHasJustEnough() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T16:00"), 60))
                    .isEqualTo(berlin("2026-11-23T17:00"));
        }

        @Test
        void carriesOverTheNight() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T16:00"), 120))
                    .isEqualTo(berlin("2026-11-24T10:00"));
        }

        @Test
        void carriesOverTheWeekend() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-27T16:30"), 60))
                    .isEqualTo(berlin("2026-11-30T09:30"));
        }

        @Test
        void startsCountingAtTheNextOpeningWhenStartedOutsideHours() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T07:00"), 30))
                    .isEqualTo(berlin("2026-11-23T09:30"));
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T17:00"), 1))
                    .isEqualTo(berlin("2026-11-24T09:01"));
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-28T12:00"), 30))
                    .isEqualTo(berlin("2026-11-30T09:30"));
        }

        @Test
        void skipsAHolidayOnAFriday() {
            // 2026-12-25 is a Friday: Thursday's last hour, then Monday.
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-12-24T16:00"), 120))
                    .isEqualTo(berlin("2026-12-28T10:00"));
        }

        @Test
        void startsOnAHolidayAtTheNextWorkingDay() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-12-25T10:00"), 60))
                    .isEqualTo(berlin("2026-12-28T10:00"));
        }

        @Test
        void addingNothingAnswersTheStart() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-28T12:00"), 0))
                    .isEqualTo(berlin("2026-11-28T12:00"));
        }

        @Test
        void keepsSecondsOfTheStart() {
            assertThat(SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T16:59:30"), 1))
                    .isEqualTo(berlin("2026-11-24T09:00:30"));
        }

        @Test
        void usesEveryIntervalOfADay() {
            var split = BusinessCalendar.of("Split", BERLIN,
                    weekdays(OpeningInterval.parse("09:00-12:00"), OpeningInterval.parse("13:00-17:00")), List.of());
            assertThat(split.addBusinessMinutes(berlin("2026-11-23T11:30"), 60)).isEqualTo(berlin("2026-11-23T13:30"));
            assertThat(split.addBusinessMinutes(berlin("2026-11-23T12:15"), 60)).isEqualTo(berlin("2026-11-23T14:00"));
            assertThat(split.businessMinutesBetween(berlin("2026-11-23T11:00"), berlin("2026-11-23T14:00")))
                    .isEqualTo(120);
        }

        @Test
        void countsInTheCalendarsOwnTimezone() {
            var tokyo = BusinessCalendar.of("Tokyo", ZoneId.of("Asia/Tokyo"), weekdays(OpeningInterval.parse("09:00-17:00")),
                    List.of());
            // Monday 09:30 in Tokyo is 00:30 UTC; Sunday 23:00 UTC is Monday 08:00 there, before opening.
            assertThat(tokyo.addBusinessMinutes(Instant.parse("2026-11-23T00:30:00Z"), 60))
                    .isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
            assertThat(tokyo.addBusinessMinutes(Instant.parse("2026-11-22T23:00:00Z"), 60))
                    .isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
            assertThat(SUPPORT_EU.addBusinessMinutes(Instant.parse("2026-11-22T23:00:00Z"), 60))
                    .isEqualTo(berlin("2026-11-23T10:00"));
        }

        @Test
        void rejectsNegativeTime() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SUPPORT_EU.addBusinessMinutes(berlin("2026-11-23T10:00"), -1));
        }
    }

    @Nested
    class DaylightSavingTime {

        // Open at night, so the switch hour (02:00–03:00) falls inside the opening interval.
        final BusinessCalendar nightShiftBerlin = BusinessCalendar.of("Night", BERLIN,
                everyDay(OpeningInterval.parse("01:00-04:00")), List.of());

        @Test
        void aSpringForwardNightIntervalIsAnHourShorterInBerlin() {
            // 2026-03-29: 02:00 CET jumps to 03:00 CEST; 01:00–04:00 lasts two hours.
            assertThat(nightShiftBerlin.businessMinutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(120);
            assertThat(nightShiftBerlin.addBusinessMinutes(berlin("2026-03-28T03:30"), 120))
                    .isEqualTo(berlin("2026-03-29T03:30"))
                    .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        }

        @Test
        void aFallBackNightIntervalIsAnHourLongerInBerlin() {
            // 2026-10-25: 03:00 CEST falls back to 02:00 CET; 01:00–04:00 lasts four hours.
            assertThat(nightShiftBerlin.businessMinutesBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(240);
            assertThat(nightShiftBerlin.addBusinessMinutes(berlin("2026-10-25T01:00"), 200))
                    .isEqualTo(Instant.parse("2026-10-25T02:20:00Z"));
        }

        @Test
        void wholeDaysFollowTheRealLengthOfTheDay() {
            // Open around the clock but with a holiday elsewhere, so the interval arithmetic (not real time) runs.
            var roundTheClock = BusinessCalendar.of("Days", BERLIN, everyDay(OpeningInterval.WHOLE_DAY),
                    List.of(new Holiday(LocalDate.of(2027, 1, 1), "New Year")));
            assertThat(roundTheClock.isAlwaysOpen()).isFalse();
            assertThat(roundTheClock.businessMinutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(23 * 60);
            assertThat(roundTheClock.businessMinutesBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(25 * 60);
            assertThat(roundTheClock.addBusinessMinutes(berlin("2026-03-28T12:00"), 24 * 60))
                    .isEqualTo(berlin("2026-03-29T13:00"));
        }

        @Test
        void officeHoursAcrossTheSpringForwardWeekendInNewYork() {
            var support = BusinessCalendar.of("Support US", NEW_YORK, weekdays(OpeningInterval.parse("09:00-17:00")),
                    List.of());
            // 2026-03-08 02:00 EST jumps to 03:00 EDT: Friday 16:00 EST + 120 is Monday 10:00 EDT (14:00 UTC).
            var friday = at("2026-03-06T16:00", NEW_YORK);
            assertThat(friday).isEqualTo(Instant.parse("2026-03-06T21:00:00Z"));
            assertThat(support.addBusinessMinutes(friday, 120)).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
            assertThat(support.businessMinutesBetween(friday, Instant.parse("2026-03-09T14:00:00Z"))).isEqualTo(120);
        }

        @Test
        void officeHoursAcrossTheFallBackWeekendInNewYork() {
            var support = BusinessCalendar.of("Support US", NEW_YORK, weekdays(OpeningInterval.parse("09:00-17:00")),
                    List.of());
            // 2026-11-01 02:00 EDT falls back to 01:00 EST: Monday 10:00 EST is 15:00 UTC.
            var friday = at("2026-10-30T16:00", NEW_YORK);
            assertThat(friday).isEqualTo(Instant.parse("2026-10-30T20:00:00Z"));
            assertThat(support.addBusinessMinutes(friday, 120)).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
        }

        @Test
        void nightIntervalsAcrossBothSwitchesInNewYork() {
            var night = BusinessCalendar.of("Night US", NEW_YORK, everyDay(OpeningInterval.parse("00:00-06:00")),
                    List.of());
            assertThat(night.businessMinutesBetween(at("2026-03-08T00:00", NEW_YORK), at("2026-03-09T00:00", NEW_YORK)))
                    .isEqualTo(5 * 60);
            assertThat(night.businessMinutesBetween(at("2026-11-01T00:00", NEW_YORK), at("2026-11-02T00:00", NEW_YORK)))
                    .isEqualTo(7 * 60);
        }
    }

    @Nested
    class RoundTheClock {

        final BusinessCalendar always = BusinessCalendar.alwaysOpen("24/7", ZoneOffset.UTC);

        @Test
        void businessTimeIsRealTime() {
            assertThat(always.isAlwaysOpen()).isTrue();
            assertThat(always.addBusinessMinutes(Instant.parse("2026-11-28T23:00:00Z"), 120))
                    .isEqualTo(Instant.parse("2026-11-29T01:00:00Z"));
            assertThat(always.businessMinutesBetween(Instant.parse("2026-03-28T00:00:00Z"),
                    Instant.parse("2026-03-30T00:00:00Z"))).isEqualTo(48 * 60);
        }

        @Test
        void aRoundTheClockCalendarInAZoneWithDaylightSavingStillCountsRealTime() {
            var berlinAlways = BusinessCalendar.alwaysOpen("24/7 Berlin", BERLIN);
            assertThat(berlinAlways.businessMinutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(23 * 60);
        }

        @Test
        void agreesWithTheIntervalArithmetic() {
            var days = BusinessCalendar.of("Days", BERLIN, everyDay(OpeningInterval.WHOLE_DAY),
                    List.of(new Holiday(LocalDate.of(2040, 1, 1), "far away")));
            var berlinAlways = BusinessCalendar.alwaysOpen("24/7", BERLIN);
            var random = new Random(7);
            for (int i = 0; i < 500; i++) {
                var start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(366L * 24 * 3600));
                long minutes = random.nextLong(10_000);
                assertThat(days.addBusinessMinutes(start, minutes)).isEqualTo(berlinAlways.addBusinessMinutes(start, minutes));
            }
        }
    }

    @Nested
    class CountingBetween {

        @Test
        void countsOnlyOpeningHours() {
            assertThat(SUPPORT_EU.businessMinutesBetween(berlin("2026-11-23T16:00"), berlin("2026-11-24T10:00")))
                    .isEqualTo(120);
            assertThat(SUPPORT_EU.businessMinutesBetween(berlin("2026-11-27T16:30"), berlin("2026-11-30T09:30")))
                    .isEqualTo(60);
            assertThat(SUPPORT_EU.businessMinutesBetween(berlin("2026-12-24T16:00"), berlin("2026-12-28T10:00")))
                    .isEqualTo(120);
        }

        @Test
        void isZeroWhenClosedOrBackwards() {
            assertThat(SUPPORT_EU.businessMinutesBetween(berlin("2026-11-28T10:00"), berlin("2026-11-29T18:00")))
                    .isZero();
            assertThat(SUPPORT_EU.businessMinutesBetween(berlin("2026-11-24T10:00"), berlin("2026-11-23T10:00")))
                    .isZero();
        }

        @Test
        void roundsDownToWholeMinutes() {
            assertThat(SUPPORT_EU.businessTimeBetween(berlin("2026-11-23T10:00"), berlin("2026-11-23T10:01:59")))
                    .isEqualTo(Duration.ofSeconds(119));
            assertThat(SUPPORT_EU.businessMinutesBetween(berlin("2026-11-23T10:00"), berlin("2026-11-23T10:01:59")))
                    .isEqualTo(1);
        }

        @Test
        void isTheInverseOfAddingAcrossAYearWithBothSwitches() {
            var calendars = List.of(SUPPORT_EU,
                    BusinessCalendar.of("Split NY", NEW_YORK,
                            weekdays(OpeningInterval.parse("08:30-12:00"), OpeningInterval.parse("13:00-18:15")),
                            List.of(new Holiday(LocalDate.of(2026, 7, 3), "Independence Day (observed)"))),
                    BusinessCalendar.of("Night", BERLIN, everyDay(OpeningInterval.parse("01:00-04:00")), List.of()));
            var random = new Random(42);
            for (var calendar : calendars) {
                for (int i = 0; i < 2_000; i++) {
                    var start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(366L * 24 * 3600));
                    long minutes = random.nextLong(5_000);
                    var due = calendar.addBusinessMinutes(start, minutes);
                    assertThat(calendar.businessTimeBetween(start, due)).as("%s + %d on %s", start, minutes, calendar.name())
                            .isEqualTo(Duration.ofMinutes(minutes));
                    if (minutes > 0) {
                        assertThat(calendar.isOpen(due.minusSeconds(1))).isTrue();
                    }
                }
            }
        }

        @Test
        void stepsIntervalByIntervalSoLongSpansStayCheap() {
            // Ten years of office hours: about 2,600 days, each a handful of interval steps.
            var start = berlin("2026-01-05T09:00");
            var due = SUPPORT_EU.addBusinessMinutes(start, 10L * 52 * 5 * 8 * 60);
            assertThat(due).isAfter(berlin("2035-12-01T00:00"));
            assertThat(SUPPORT_EU.businessMinutesBetween(start, due)).isEqualTo(10L * 52 * 5 * 8 * 60);
        }
    }

    @Nested
    class Shape {

        @Test
        void knowsWhenItIsOpen() {
            assertThat(SUPPORT_EU.isOpen(berlin("2026-11-23T09:00"))).isTrue();
            assertThat(SUPPORT_EU.isOpen(berlin("2026-11-23T17:00"))).isFalse();
            assertThat(SUPPORT_EU.isOpen(berlin("2026-11-28T12:00"))).isFalse();
            assertThat(SUPPORT_EU.isOpen(berlin("2026-12-25T12:00"))).isFalse();
        }

        @Test
        void describesItsWeekCompactly() {
            var weekend = weekdays(OpeningInterval.parse("09:00-17:00"));
            weekend.put(DayOfWeek.SATURDAY, List.of(OpeningInterval.parse("10:00-14:00")));
            assertThat(BusinessCalendar.of("Shop", BERLIN, weekend, List.of()).describe())
                    .isEqualTo("'Shop' Mon–Fri 09:00–17:00; Sat 10:00–14:00 Europe/Berlin");
            assertThat(BusinessCalendar.alwaysOpen("24/7", ZoneOffset.UTC).describe())
                    .isEqualTo("'24/7' open around the clock Z");
        }

        @Test
        void refusesOverlappingIntervalsAndACalendarThatNeverOpens() {
            assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.of("Bad", BERLIN,
                    weekdays(OpeningInterval.parse("09:00-12:00"), OpeningInterval.parse("11:00-13:00")), List.of()))
                    .withMessageContaining("overlap");
            assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.of("Never", BERLIN, Map.of(), List.of()))
                    .withMessageContaining("at least once a week");
        }

        @Test
        void parsesOpeningIntervals() {
            assertThat(OpeningInterval.parse("09:00-17:30")).isEqualTo(new OpeningInterval(540, 1050));
            assertThat(OpeningInterval.parse("00:00-24:00")).isEqualTo(OpeningInterval.WHOLE_DAY);
            assertThatIllegalArgumentException().isThrownBy(() -> OpeningInterval.parse("17:00-09:00"));
            assertThatIllegalArgumentException().isThrownBy(() -> OpeningInterval.parse("09:60-10:00"));
            assertThatIllegalArgumentException().isThrownBy(() -> OpeningInterval.parse("9-5"));
        }
    }
}
