package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;

class PasswordResetIntegrationTests extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_%-]+)");
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Test
    void answersTheSameWhetherOrNotTheEmailHasAnAccount() {
        var known = Accounts.uniqueEmail("known");
        Accounts.register(api, known);
        var unknown = Accounts.uniqueEmail("nobody");

        var forKnown = api.post("/api/v1/auth/password-reset", Map.of("email", known));
        var forUnknown = api.post("/api/v1/auth/password-reset", Map.of("email", unknown));

        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.text()).isEqualTo(forUnknown.text());
        assertThat(Mailbox.awaitLink(known, LINK)).isNotBlank();
        assertThat(Mailbox.messagesTo(unknown)).isEmpty();
    }

    @Test
    void setsTheNewPasswordOnceAndEndsEverySession() {
        var login = Accounts.newSignedInCustomer(api);
        var email = login.json().get("user").get("email").asString();
        api.post("/api/v1/auth/password-reset", Map.of("email", email));
        var token = Mailbox.awaitLink(email, LINK);

        var confirmed = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD));

        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(api.as(login.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", login.get("refreshToken"))).status())
                .isEqualTo(401);
        assertThat(Accounts.login(api, email, Accounts.PASSWORD).status()).isEqualTo(401);
        assertThat(Accounts.login(api, email, NEW_PASSWORD).status()).isEqualTo(200);
        var reused = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "yet another passphrase"));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("identity.invalid_token");
    }

    @Test
    void keepsTheTokenUsableWhenTheNewPasswordIsTooWeak() {
        var email = Accounts.uniqueEmail("weak-reset");
        Accounts.register(api, email);
        api.post("/api/v1/auth/password-reset", Map.of("email", email));
        var token = Mailbox.awaitLink(email, LINK);

        var weak = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short"));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("identity.weak_password");
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(204);
    }

    @Test
    void rejectsAResetLinkAfterAnHour() {
        var email = Accounts.uniqueEmail("slow");
        Accounts.register(api, email);
        api.post("/api/v1/auth/password-reset", Map.of("email", email));
        var token = Mailbox.awaitLink(email, LINK);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        var late = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD));
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.code()).isEqualTo("identity.invalid_token");
    }

    @Test
    void liftsALockoutOnceThePasswordIsReset() {
        var email = Accounts.uniqueEmail("locked-out");
        Accounts.register(api, email);
        for (int i = 1; i <= 10; i++) {
            Accounts.login(api, email, "wrong " + i);
            if (i % 5 == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
        }
        assertThat(Accounts.login(api, email, Accounts.PASSWORD).code()).isEqualTo("identity.account_locked");

        api.post("/api/v1/auth/password-reset", Map.of("email", email));
        api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.awaitLink(email, LINK), "newPassword", NEW_PASSWORD));

        assertThat(Accounts.login(api, email, NEW_PASSWORD).status()).isEqualTo(200);
    }
}
