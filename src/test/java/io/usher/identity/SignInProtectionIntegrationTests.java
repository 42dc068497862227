package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;

/** Throttling, lockout and enumeration safety of sign-in. Time moves on the injected clock. */
class SignInProtectionIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersTheSameForAnUnknownEmailAndAWrongPassword() {
        var email = Accounts.uniqueEmail("known");
        Accounts.register(api, email);

        var wrongPassword = Accounts.login(api, email, "not the password");
        var unknownEmail = Accounts.login(api, Accounts.uniqueEmail("unknown"), "not the password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("identity.bad_credentials");
        assertThat(unknownEmail.code()).isEqualTo("identity.bad_credentials");
        assertThat(wrongPassword.get("detail")).isEqualTo(unknownEmail.get("detail"));
    }

    @Test
    void throttlesTheSixthAttemptWithinAMinutePerAccount() {
        var email = Accounts.uniqueEmail("throttled");
        Accounts.register(api, email);
        for (int i = 0; i < 5; i++) {
            assertThat(Accounts.login(api, email, "wrong password " + i).status()).isEqualTo(401);
        }

        var sixth = Accounts.login(api, email, Accounts.PASSWORD);

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("identity.too_many_attempts");
        assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(Accounts.login(api, email, Accounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void locksTheAccountForFifteenMinutesAfterTenConsecutiveFailures() {
        var email = Accounts.uniqueEmail("locked");
        Accounts.register(api, email);
        for (int i = 1; i <= 10; i++) {
            var failed = Accounts.login(api, email, "wrong password " + i);
            assertThat(failed.status()).as("attempt %d", i).isEqualTo(i < 10 ? 401 : 423);
            if (i % 5 == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
        }

        var rightPassword = Accounts.login(api, email, Accounts.PASSWORD);
        assertThat(rightPassword.status()).isEqualTo(423);
        assertThat(rightPassword.code()).isEqualTo("identity.account_locked");
        assertThat(rightPassword.header("Retry-After")).isNotNull();

        clock.advance(Duration.ofMinutes(15));
        assertThat(Accounts.login(api, email, Accounts.PASSWORD).status()).isEqualTo(200);
        assertThat(audited("IDENTITY_ACCOUNT_LOCKED", email)).isEqualTo(1);
        assertThat(audited("IDENTITY_LOGIN_FAILED", email)).isEqualTo(11);
        assertThat(audited("IDENTITY_LOGIN_SUCCEEDED", email)).isEqualTo(1);
    }

    @Test
    void countsOnlyConsecutiveFailuresTowardsTheLock() {
        var email = Accounts.uniqueEmail("forgetful");
        Accounts.register(api, email);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(Accounts.login(api, email, "wrong").status()).isEqualTo(401);
            }
            assertThat(Accounts.login(api, email, Accounts.PASSWORD).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void refusesSignInAndRefreshOfADeactivatedUser(@Autowired io.usher.support.Users users) {
        var admin = users.signedIn(api, "admin", Role.ADMIN);
        var victim = Accounts.newSignedInCustomer(api);
        var victimId = victim.json().get("user").get("id").asString();

        var deactivated = api.as(admin).patch("/api/v1/admin/users/" + victimId, java.util.Map.of("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(api.as(victim.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", java.util.Map.of("refreshToken", victim.get("refreshToken")))
                .code()).isEqualTo("identity.session_revoked");
        var login = Accounts.login(api, victim.json().get("user").get("email").asString(), Accounts.PASSWORD);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("identity.account_disabled");
        assertThat(audited("IDENTITY_USER_DEACTIVATED", victimId)).isEqualTo(1);
    }

    private long audited(String action, String subject) {
        return jdbc.sql("select count(*) from audit_entries where action = :action and subject = :subject")
                .param("action", action).param("subject", subject).query(Long.class).single();
    }

}
