package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.Mailbox;

class RegistrationIntegrationTests extends IntegrationTest {

    @Test
    void registersACustomerAndMailsAVerificationLink() {
        var email = Accounts.uniqueEmail("new");

        var registered = Accounts.register(api, email);

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.get("email")).isEqualTo(email);
        assertThat(registered.json().get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        assertThat(registered.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(registered.text()).doesNotContain("password");

        var token = verificationToken(email);
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        var login = Accounts.login(api, email, Accounts.PASSWORD);
        assertThat(login.json().get("user").get("emailVerified").asBoolean()).isTrue();

        var again = api.post("/api/v1/auth/verify-email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("identity.invalid_token");
    }

    @Test
    void rejectsAVerificationLinkAfter24Hours() {
        var email = Accounts.uniqueEmail("late");
        Accounts.register(api, email);
        var token = verificationToken(email);

        clock.advance(java.time.Duration.ofHours(24).plusSeconds(1));

        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).code())
                .isEqualTo("identity.invalid_token");
    }

    @Test
    void rejectsADuplicateEmailInAnyLetterCase() {
        var email = Accounts.uniqueEmail("dup");
        Accounts.register(api, email);

        var duplicate = Accounts.register(api, email.toUpperCase());

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("identity.email_taken");
        assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void enforcesThePasswordPolicy() {
        var email = Accounts.uniqueEmail("weak");
        var tooShort = api.post("/api/v1/auth/register", Map.of("email", email, "password", "short1", "displayName", "W"));
        var common = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", "Password123", "displayName", "W"));
        var theEmail = api.post("/api/v1/auth/register", Map.of("email", email, "password", email, "displayName", "W"));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("identity.weak_password");
        assertThat(tooShort.get("detail")).contains("10 characters");
        assertThat(common.code()).isEqualTo("identity.weak_password");
        assertThat(common.get("detail")).contains("too common");
        assertThat(theEmail.code()).isEqualTo("identity.weak_password");
        assertThat(theEmail.get("detail")).contains("e-mail");
        assertThat(Accounts.login(api, email, "Password123").status()).isEqualTo(401);
    }

    @Test
    void listsEveryInvalidField() {
        var invalid = api.post("/api/v1/auth/register", Map.of("email", "not-an-email", "password", "", "displayName", ""));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("request.validation_failed");
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("email", "password", "displayName");
    }

    @Test
    void issuesAnAccessTokenWithTheDocumentedClaims() {
        var login = Accounts.newSignedInCustomer(api);

        assertThat(login.get("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.get("refreshToken")).hasSizeGreaterThan(40);
        var claims = new String(Base64.getUrlDecoder().decode(login.get("accessToken").split("\\.")[1]));
        assertThat(claims).contains("\"sub\":\"" + login.json().get("user").get("id").asString() + "\"")
                .contains("\"email\":").contains("\"roles\":[\"CUSTOMER\"]").contains("\"sid\":");
    }

    private static String verificationToken(String email) {
        return Mailbox.awaitLink(email, Pattern.compile("/verify-email\\?token=([A-Za-z0-9_%-]+)"));
    }
}
