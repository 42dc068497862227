package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import io.usher.identity.internal.Registration;
import io.usher.support.Accounts;

/** Identity with only the modules it depends on (audit, platform): what it tells the rest of the system. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class IdentityModuleTests {

    @Autowired
    Registration registration;

    @Test
    void asksForAVerificationMailWhenACustomerRegisters(Scenario scenario) {
        var email = Accounts.uniqueEmail("event");

        scenario.stimulate(() -> registration.register(email, Accounts.PASSWORD, "Eve"))
                .andWaitForEventOfType(EmailVerificationRequested.class)
                .matching(event -> event.email().equals(email))
                .toArriveAndVerify(event -> {
                    assertThat(event.displayName()).isEqualTo("Eve");
                    assertThat(event.token()).hasSizeGreaterThan(40);
                });
    }

    @Test
    void asksForNoVerificationMailForAnAccountCreatedVerified(Scenario scenario) {
        var email = Accounts.uniqueEmail("verified");

        scenario.stimulate(() -> registration.create(email, Accounts.PASSWORD, "Vic", java.util.Set.of(Role.AGENT), true))
                .andWaitForStateChange(() -> email)
                .andVerifyEvents(events -> assertThat(events.ofType(EmailVerificationRequested.class)
                        .matching(event -> event.email().equals(email))).isEmpty());
    }
}
