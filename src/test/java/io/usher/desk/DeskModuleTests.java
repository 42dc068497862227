package io.usher.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import io.usher.desk.internal.CalendarDetails;
import io.usher.desk.internal.Calendars;
import io.usher.desk.internal.SlaPolicyDetails;
import io.usher.desk.internal.SlaPolicyManagement;
import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.UserId;

/**
 * The desk with the modules it depends on (identity, audit, attachment, and order — whose own dependencies come
 * along, hence all of them): calendars and policies round-trip through its tables.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class DeskModuleTests {

    @Autowired
    Calendars calendars;

    @Autowired
    SlaPolicyManagement policies;

    final CurrentUser admin = new CurrentUser(new UserId(UUID.randomUUID()), "admin@example.test",
            Set.of(Role.ADMIN), UUID.randomUUID());

    @Test
    void aStoredCalendarCountsTheSameAsTheOneWritten() {
        var stored = calendars.create(admin, new CalendarDetails("Module " + UUID.randomUUID(), "Europe/Berlin", null,
                Map.of("MONDAY", List.of("09:00-17:00"), "FRIDAY", List.of("09:00-17:00")),
                List.of(new CalendarDetails.HolidayDetails(java.time.LocalDate.of(2026, 11, 27), "Closed"))));
        var read = calendars.get(stored.id()).calendar();
        assertThat(read).isEqualTo(stored.calendar());
        // Monday 16:00 + 120: Monday's last hour, Friday is a holiday, so the next Monday.
        assertThat(read.addBusinessMinutes(Instant.parse("2026-11-23T15:00:00Z"), 120))
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void configuredPoliciesOverrideTheDefaults() {
        var set = policies.put(admin, new SlaPolicyDetails("CRITICAL", null, 15L, 120L));
        try {
            assertThat(policies.policies().policyFor(Priority.CRITICAL, List.of()).firstResponseMinutes()).isEqualTo(15);
            assertThat(policies.policies().policyFor(Priority.HIGH, List.of()))
                    .isEqualTo(SlaPolicies.DEFAULTS.get(Priority.HIGH));
        } finally {
            // Other tests on this database expect the general targets to be the defaults.
            policies.delete(admin, set.id());
        }
    }
}
