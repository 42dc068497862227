package io.usher.desk;

import static io.usher.desk.BusinessCalendarTests.SUPPORT_EU;
import static io.usher.desk.BusinessCalendarTests.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlaClockTests {

    @Test
    void startsWithADueTimeFromTheCalendar() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-11-23T09:12"), 120, "HIGH", SUPPORT_EU);
        assertThat(clock.status()).isEqualTo(SlaClock.Status.RUNNING);
        assertThat(clock.due()).isEqualTo(berlin("2026-11-23T11:12"));
        assertThat(clock.last().type()).isEqualTo(SlaEvent.Type.START);
        assertThat(clock.last().consumed()).isZero();
        assertThat(clock.last().explanation()).isEqualTo("Started with 120 business minutes (HIGH) on calendar "
                + "'Support EU' Mon–Fri 09:00–17:00 Europe/Berlin; due Mon 2026-11-23 11:12.");
    }

    @Test
    void aPauseMovesTheDueTimeByTheBusinessTimeItCovered() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-12-24T15:12"), 120, "HIGH", SUPPORT_EU)
                .pause(berlin("2026-12-24T16:00"), "ON_HOLD", SUPPORT_EU);
        assertThat(clock.status()).isEqualTo(SlaClock.Status.PAUSED);
        assertThat(clock.due()).isNull();
        assertThat(clock.last().consumedMinutes()).isEqualTo(48);
        assertThat(clock.consumedAt(berlin("2026-12-24T16:20"), SUPPORT_EU)).isEqualTo(Duration.ofMinutes(48));

        clock = clock.resume(berlin("2026-12-24T16:30"), "IN_PROGRESS", SUPPORT_EU);
        // 72 minutes left: 30 on Thursday, Friday is Christmas, 42 on Monday.
        assertThat(clock.due()).isEqualTo(berlin("2026-12-28T09:42"));
        assertThat(clock.explain(SUPPORT_EU)).isEqualTo("started Thu 2026-12-24 15:12 with 120 business minutes (HIGH); "
                + "paused Thu 2026-12-24 16:00–16:30 while ON_HOLD; "
                + "calendar 'Support EU' Mon–Fri 09:00–17:00 Europe/Berlin, holiday 2026-12-25; due Mon 2026-12-28 09:42");
    }

    @Test
    void explainsAPauseThatHasNotEnded() {
        var clock = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 480, "HIGH", SUPPORT_EU)
                .pause(berlin("2026-11-23T10:00"), "ON_HOLD", SUPPORT_EU);
        assertThat(clock.explain(SUPPORT_EU)).isEqualTo("started Mon 2026-11-23 09:00 with 480 business minutes (HIGH); "
                + "paused since Mon 2026-11-23 10:00 while ON_HOLD, 420 business minutes left; "
                + "calendar 'Support EU' Mon–Fri 09:00–17:00 Europe/Berlin");
    }

    @Test
    void aPriorityChangeRetargetsKeepingTheTimeConsumed() {
        var clock = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 1440, "MEDIUM", SUPPORT_EU)
                .retarget(berlin("2026-11-23T10:00"), 480, "MEDIUM → HIGH", SUPPORT_EU);
        assertThat(clock.last().consumedMinutes()).isEqualTo(60);
        assertThat(clock.targetMinutes()).isEqualTo(480);
        // 420 minutes from Monday 10:00: Monday has 420 left exactly.
        assertThat(clock.due()).isEqualTo(berlin("2026-11-23T17:00"));
        assertThat(clock.explain(SUPPORT_EU)).contains("retargeted Mon 2026-11-23 10:00 to 480 business minutes "
                + "(MEDIUM → HIGH) with 60 used");
    }

    @Test
    void aRetargetBelowTheTimeConsumedIsDueAtOnce() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-11-23T09:00"), 120, "HIGH", SUPPORT_EU)
                .retarget(berlin("2026-11-23T10:00"), 30, "HIGH → CRITICAL", SUPPORT_EU);
        assertThat(clock.due()).isEqualTo(berlin("2026-11-23T10:00"));
        assertThat(clock.stateAt(berlin("2026-11-23T10:00"), SUPPORT_EU).remainingMinutes()).isEqualTo(-30);
    }

    @Test
    void aRetargetWhilePausedTakesEffectOnResume() {
        var clock = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 480, "HIGH", SUPPORT_EU)
                .pause(berlin("2026-11-23T10:00"), "ON_HOLD", SUPPORT_EU)
                .retarget(berlin("2026-11-23T11:00"), 240, "HIGH → CRITICAL", SUPPORT_EU);
        assertThat(clock.isPaused()).isTrue();
        assertThat(clock.due()).isNull();
        clock = clock.resume(berlin("2026-11-23T12:00"), "", SUPPORT_EU);
        assertThat(clock.due()).isEqualTo(berlin("2026-11-23T15:00"));
    }

    @Test
    void meetingStopsTheTimer() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-11-23T16:30"), 120, "HIGH", SUPPORT_EU)
                .met(berlin("2026-11-24T09:15"), "first public reply", SUPPORT_EU);
        assertThat(clock.status()).isEqualTo(SlaClock.Status.MET);
        assertThat(clock.last().consumedMinutes()).isEqualTo(45);
        assertThat(clock.due()).isNull();
        assertThat(clock.consumedAt(berlin("2026-11-30T12:00"), SUPPORT_EU)).isEqualTo(Duration.ofMinutes(45));
        assertThat(clock.explain(SUPPORT_EU)).contains("met Tue 2026-11-24 09:15 after 45 business minutes (first public reply)");
        assertThatIllegalStateException().isThrownBy(() -> SlaClock.replay(SlaTarget.FIRST_RESPONSE, clock.events())
                .met(berlin("2026-11-24T10:00"), "", SUPPORT_EU));
    }

    @Test
    void meetingLateCountsAsBreachedEvenWithoutTheMonitor() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-11-23T09:00"), 30, "CRITICAL", SUPPORT_EU)
                .met(berlin("2026-11-23T09:31"), "first public reply", SUPPORT_EU);
        assertThat(clock.status()).isEqualTo(SlaClock.Status.BREACHED);
        assertThat(clock.last().explanation()).startsWith("Met late");
    }

    @Test
    void warnsAtEightyPercentAndBreachesAtTheTarget() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-11-23T16:00"), 100, "HIGH", SUPPORT_EU);
        // 80 minutes: 60 on Monday, 20 on Tuesday.
        assertThat(clock.warningDue(SUPPORT_EU)).isEqualTo(berlin("2026-11-24T09:20"));
        clock = clock.warn(berlin("2026-11-24T09:20"), SUPPORT_EU);
        assertThat(clock.hasWarned()).isTrue();
        assertThat(clock.warningDue(SUPPORT_EU)).isNull();
        assertThat(clock.last().consumedMinutes()).isEqualTo(80);
        assertThat(clock.last().due()).isEqualTo(berlin("2026-11-24T09:40"));
        assertThat(clock.status()).isEqualTo(SlaClock.Status.RUNNING);

        clock = clock.breach(berlin("2026-11-24T09:40"), SUPPORT_EU);
        assertThat(clock.status()).isEqualTo(SlaClock.Status.BREACHED);
        assertThat(clock.isRunning()).isTrue();
        assertThat(clock.last().explanation()).isEqualTo(
                "Breached: 100 of 100 business minutes used; was due Tue 2026-11-24 09:40.");
        var finalClock = clock;
        assertThatIllegalStateException().isThrownBy(() -> finalClock.breach(berlin("2026-11-24T10:00"), SUPPORT_EU));
    }

    @Test
    void aMetTimerResumesWithItsConsumedTimeWhenTheTicketIsReopened() {
        var clock = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 480, "HIGH", SUPPORT_EU)
                .met(berlin("2026-11-23T11:00"), "RESOLVED", SUPPORT_EU)
                .resume(berlin("2026-11-24T09:00"), "REOPENED", SUPPORT_EU);
        assertThat(clock.status()).isEqualTo(SlaClock.Status.RUNNING);
        assertThat(clock.last().consumedMinutes()).isEqualTo(120);
        assertThat(clock.due()).isEqualTo(berlin("2026-11-24T15:00"));
        var late = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 30, "CRITICAL", SUPPORT_EU)
                .met(berlin("2026-11-23T10:00"), "RESOLVED", SUPPORT_EU)
                .resume(berlin("2026-11-23T11:00"), "REOPENED", SUPPORT_EU);
        assertThat(late.status()).as("a late resolution stays a breach").isEqualTo(SlaClock.Status.BREACHED);
    }

    @Test
    void reportsItsStateAtAnyInstant() {
        var clock = SlaClock.start(SlaTarget.FIRST_RESPONSE, berlin("2026-11-27T16:00"), 120, "HIGH", SUPPORT_EU);
        var saturday = clock.stateAt(berlin("2026-11-28T12:00"), SUPPORT_EU);
        assertThat(saturday.status()).isEqualTo(SlaClock.Status.RUNNING);
        assertThat(saturday.consumedMinutes()).isEqualTo(60);
        assertThat(saturday.remainingMinutes()).isEqualTo(60);
        assertThat(saturday.due()).isEqualTo(berlin("2026-11-30T10:00"));
        var overdue = clock.stateAt(berlin("2026-11-30T10:00:30"), SUPPORT_EU);
        assertThat(overdue.status()).isEqualTo(SlaClock.Status.BREACHED);
        assertThat(overdue.remainingMinutes()).isEqualTo(-1);
    }

    @Test
    void replayingTheLogGivesTheSameTimer() {
        var clock = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 480, "HIGH", SUPPORT_EU)
                .pause(berlin("2026-11-23T10:00"), "ON_HOLD", SUPPORT_EU)
                .resume(berlin("2026-11-24T10:00"), "IN_PROGRESS", SUPPORT_EU)
                .retarget(berlin("2026-11-24T11:00"), 240, "HIGH → CRITICAL", SUPPORT_EU);
        var replayed = SlaClock.replay(SlaTarget.RESOLUTION, clock.events());
        assertThat(replayed.due()).isEqualTo(clock.due()).isEqualTo(berlin("2026-11-24T13:00"));
        assertThat(replayed.explain(SUPPORT_EU)).isEqualTo(clock.explain(SUPPORT_EU));
        assertThat(replayed.status()).isEqualTo(clock.status());
    }

    @Test
    void refusesChangesThatDoNotFitItsState() {
        var running = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 480, "HIGH", SUPPORT_EU);
        assertThatIllegalStateException().isThrownBy(() -> running.resume(berlin("2026-11-23T10:00"), "", SUPPORT_EU));
        var paused = running.pause(berlin("2026-11-23T10:00"), "ON_HOLD", SUPPORT_EU);
        assertThatIllegalStateException().isThrownBy(() -> paused.pause(berlin("2026-11-23T11:00"), "", SUPPORT_EU));
        assertThatIllegalStateException().isThrownBy(() -> paused.warn(berlin("2026-11-23T11:00"), SUPPORT_EU));
    }

    @Test
    void refusesALogThatIsNotOne() {
        var start = SlaClock.start(SlaTarget.RESOLUTION, berlin("2026-11-23T09:00"), 480, "HIGH", SUPPORT_EU).last();
        var pause = new SlaEvent(SlaTarget.RESOLUTION, SlaEvent.Type.PAUSE, berlin("2026-11-23T08:00"),
                Duration.ZERO, 480, null, "", "");
        assertThatIllegalArgumentException().isThrownBy(() -> SlaClock.replay(SlaTarget.RESOLUTION, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> SlaClock.replay(SlaTarget.RESOLUTION, List.of(pause)));
        assertThatIllegalArgumentException().isThrownBy(() -> SlaClock.replay(SlaTarget.RESOLUTION, List.of(start, pause)))
                .withMessageContaining("time order");
        assertThatIllegalArgumentException().isThrownBy(() -> SlaClock.replay(SlaTarget.FIRST_RESPONSE, List.of(start)));
    }

    @Test
    void runsOnARoundTheClockCalendar() {
        var always = BusinessCalendar.alwaysOpen("24/7", ZoneOffset.UTC);
        var clock = SlaClock.start(SlaTarget.RESOLUTION, Instant.parse("2026-11-28T22:00:00Z"), 240, "CRITICAL", always);
        assertThat(clock.due()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(clock.explain(always)).isEqualTo("started Sat 2026-11-28 22:00 with 240 business minutes (CRITICAL); "
                + "calendar '24/7' open around the clock Z; due Sun 2026-11-29 02:00");
    }
}
