package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SlaPoliciesTests {

    final CategoryId billing = new CategoryId(UUID.randomUUID());
    final CategoryId refunds = new CategoryId(UUID.randomUUID());

    @Test
    void defaultsFollowTheIssue() {
        var policies = new SlaPolicies(List.of());
        assertThat(policies.policyFor(Priority.CRITICAL, List.of())).extracting(SlaPolicy::firstResponseMinutes,
                SlaPolicy::resolutionMinutes).containsExactly(30L, 240L);
        assertThat(policies.policyFor(Priority.HIGH, List.of())).extracting(SlaPolicy::firstResponseMinutes,
                SlaPolicy::resolutionMinutes).containsExactly(120L, 480L);
        assertThat(policies.policyFor(Priority.MEDIUM, List.of())).extracting(SlaPolicy::firstResponseMinutes,
                SlaPolicy::resolutionMinutes).containsExactly(480L, 1440L);
        assertThat(policies.policyFor(Priority.LOW, List.of())).extracting(SlaPolicy::firstResponseMinutes,
                SlaPolicy::resolutionMinutes).containsExactly(1440L, 2400L);
    }

    @Test
    void theMostSpecificPolicyWins() {
        var policies = new SlaPolicies(List.of(
                new SlaPolicy(Priority.HIGH, null, 60, 300),
                new SlaPolicy(Priority.HIGH, billing, 45, 200),
                new SlaPolicy(Priority.HIGH, refunds, 15, 100)));
        assertThat(policies.policyFor(Priority.HIGH, List.of()).firstResponseMinutes()).isEqualTo(60);
        assertThat(policies.policyFor(Priority.HIGH, Arrays.asList(null, billing)).firstResponseMinutes()).isEqualTo(45);
        assertThat(policies.policyFor(Priority.HIGH, List.of(refunds, billing)).firstResponseMinutes()).isEqualTo(15);
        assertThat(policies.policyFor(Priority.LOW, List.of(refunds, billing))).isEqualTo(SlaPolicies.DEFAULTS.get(Priority.LOW));
    }

    @Test
    void refusesTargetsThatMakeNoSense() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaPolicy(Priority.LOW, null, 0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaPolicy(Priority.LOW, null, 100, 10));
    }

    @Test
    void aBreachBumpsPriorityOneLevel() {
        assertThat(Priority.LOW.bumped()).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.HIGH.bumped()).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.CRITICAL.bumped()).isEqualTo(Priority.CRITICAL);
    }
}
