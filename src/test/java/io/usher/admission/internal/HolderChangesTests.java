package io.usher.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The transfer cut-off's edge, to the nanosecond (the integration tests cross it with a moving clock). */
class HolderChangesTests {

    @Test
    void closesHolderChangesExactlyAtTheCutoffBeforeTheStart() {
        var startsAt = Instant.parse("2031-05-01T18:00:00Z");
        var cutoff = Duration.ofHours(24);
        var closes = Instant.parse("2031-04-30T18:00:00Z");

        assertThat(HolderChanges.beforeCutoff(startsAt, cutoff, closes.minusNanos(1))).isTrue();
        assertThat(HolderChanges.beforeCutoff(startsAt, cutoff, closes)).isFalse();
        assertThat(HolderChanges.beforeCutoff(startsAt, cutoff, closes.plusSeconds(1))).isFalse();
        assertThat(HolderChanges.beforeCutoff(startsAt, Duration.ZERO, startsAt.minusMillis(1))).isTrue();
    }
}
