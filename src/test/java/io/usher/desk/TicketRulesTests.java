package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TicketRulesTests {

    @Test
    void theDefaultMatrixRisesWithImpactAndUrgency() {
        var matrix = PriorityMatrix.DEFAULT;
        assertThat(matrix.priorityOf(Impact.MINOR, Urgency.LOW)).isEqualTo(Priority.LOW);
        assertThat(matrix.priorityOf(Impact.MAJOR, Urgency.HIGH)).isEqualTo(Priority.HIGH);
        assertThat(matrix.priorityOf(Impact.CRITICAL, Urgency.IMMEDIATE)).isEqualTo(Priority.CRITICAL);
        assertThat(matrix.priorityOf(null, null)).isEqualTo(Priority.MEDIUM);
        for (var impact : Impact.values()) {
            for (int u = 1; u < Urgency.values().length; u++) {
                assertThat(matrix.priorityOf(impact, Urgency.values()[u]))
                        .isGreaterThanOrEqualTo(matrix.priorityOf(impact, Urgency.values()[u - 1]));
            }
        }
    }

    @Test
    void aConfiguredMatrixNeedsOnePriorityPerUrgencyForEveryImpact() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityMatrix(Map.of(Impact.MINOR,
                List.of(Priority.LOW, Priority.LOW, Priority.LOW, Priority.LOW))));
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityMatrix(Map.of(
                Impact.MINOR, Arrays.asList(Priority.LOW, null, Priority.LOW, Priority.LOW),
                Impact.MODERATE, List.of(Priority.LOW, Priority.LOW, Priority.LOW, Priority.LOW),
                Impact.MAJOR, List.of(Priority.LOW, Priority.LOW, Priority.LOW, Priority.LOW),
                Impact.CRITICAL, List.of(Priority.LOW, Priority.LOW, Priority.LOW, Priority.LOW))));
    }

    @Test
    void theStatusMatrixFollowsTheIssue() {
        assertThat(TicketStatus.NEW.next()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.CLOSED);
        assertThat(TicketStatus.OPEN.next()).containsExactlyInAnyOrder(TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD,
                TicketStatus.CLOSED);
        assertThat(TicketStatus.IN_PROGRESS.next()).containsExactlyInAnyOrder(TicketStatus.ON_HOLD,
                TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(TicketStatus.ON_HOLD.next()).containsExactlyInAnyOrder(TicketStatus.IN_PROGRESS, TicketStatus.CLOSED);
        assertThat(TicketStatus.RESOLVED.next()).containsExactlyInAnyOrder(TicketStatus.CLOSED, TicketStatus.REOPENED);
        assertThat(TicketStatus.CLOSED.next()).containsExactly(TicketStatus.REOPENED);
        assertThat(TicketStatus.REOPENED.next()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                TicketStatus.CLOSED);
        assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketStatus::slaRuns))
                .containsExactlyInAnyOrder(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                        TicketStatus.REOPENED);
    }

    @Test
    void anIllegalTransitionNamesTheAllowedStatuses() {
        var refused = new IllegalTransition(TicketStatus.NEW, TicketStatus.RESOLVED);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("desk.illegal_transition");
        assertThat(refused.properties()).containsEntry("allowed", List.of("OPEN", "CLOSED"));
    }
}
