package io.usher.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.PageClient;
import io.usher.support.Users;
import jakarta.mail.internet.MimeMessage;

/** The identity pages over plain HTTP: statuses, CSRF, redirects, error pages and the e-mailed links. */
class IdentityPagesIntegrationTests extends IntegrationTest {

    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_%.-]+)");
    private static final Pattern RESET_LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_%.-]+)");

    @Autowired
    Users users;

    @Test
    void refusesASignInFormPostedWithoutItsCsrfToken() {
        var email = users.create("csrf", Role.CUSTOMER);

        var response = pages().postWithoutCsrf("/login", Map.of("email", email, "password", Accounts.PASSWORD));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("You cannot do this").doesNotContainIgnoringCase("csrf");
        assertThat(response.cookies()).noneMatch(cookie -> cookie.startsWith(BrowserCookies.ACCESS + "="));
    }

    @Test
    void refusesASignedInUsersFormWithoutItsCsrfToken() {
        var client = signedIn(users.create("csrf-victim", Role.CUSTOMER));

        var response = client.postWithoutCsrf("/account/profile", Map.of("displayName", "Mallory"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("You cannot do this");
        assertThat(client.get("/account").body()).doesNotContain("Mallory");
    }

    @Test
    void answersAWrongPasswordWith401KeepingTheEmailButNotThePassword() {
        var email = users.create("typo", Role.CUSTOMER);
        var client = pages();
        client.get("/login");

        var response = client.post("/login", Map.of("email", email, "password", "wrong password 123"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("The e-mail address or password is wrong.")
                .contains("value=\"" + email + "\"").doesNotContain("wrong password 123");
    }

    @Test
    void signsInWithCookiesAndGoesOnlyToPathsOnThisSite() {
        var email = users.create("traveller", Role.CUSTOMER);
        var client = pages();
        client.get("/login?next=https://evil.example/phish");

        var hostile = client.post("/login", Map.of("email", email, "password", Accounts.PASSWORD,
                "next", "https://evil.example/phish"));

        assertThat(hostile.status()).isEqualTo(302);
        assertThat(hostile.location()).endsWith("/account");
        assertThat(hostile.cookies()).anyMatch(cookie -> cookie.startsWith(BrowserCookies.ACCESS + "=")
                && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        var local = pages();
        local.get("/login");
        assertThat(local.post("/login", Map.of("email", email, "password", Accounts.PASSWORD,
                "next", "/account?tab=sessions")).location()).endsWith("/account?tab=sessions");
    }

    @Test
    void showsValidationAndServiceErrorsNextToTheRegistrationFields() {
        var taken = users.create("taken", Role.CUSTOMER);
        var client = pages();
        client.get("/register");

        var duplicate = client.post("/register", Map.of("email", taken, "displayName", "Someone",
                "password", Accounts.PASSWORD));
        var weak = client.post("/register", Map.of("email", Accounts.uniqueEmail("weak"), "displayName", "Weak",
                "password", "short"));
        var blank = client.post("/register", Map.of("email", "not an address", "displayName", "",
                "password", Accounts.PASSWORD));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("exists already");
        assertThat(input(duplicate.body(), "email")).contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"email-error");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 10 characters");
        assertThat(input(weak.body(), "password")).contains("aria-invalid=\"true\"").contains("value=\"\"");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter a valid e-mail address.").contains("Enter the name others should see.");
    }

    @Test
    void confirmsAnEmailAddressOnlyWhenTheButtonIsPressed() {
        var email = Accounts.uniqueEmail("verifier");
        assertThat(Accounts.register(api, email).status()).isEqualTo(201);
        var token = awaitLink(email, VERIFY_LINK);
        var client = pages();

        var landing = client.get("/verify-email?token=" + token);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("Confirm my e-mail address");
        assertThat(emailVerified(email)).isFalse();

        var confirmed = client.post("/verify-email", Map.of("token", token));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.location()).endsWith("/login?notice=email-verified");
        assertThat(client.get("/login?notice=email-verified").body()).contains("your e-mail address is confirmed");
        assertThat(emailVerified(email)).isTrue();

        var again = client.post("/verify-email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("invalid, has been used or has expired");
    }

    @Test
    void resetsAForgottenPasswordThroughTheEmailedLink() {
        var email = users.create("forgot", Role.CUSTOMER);
        var client = pages();
        client.get("/forgot-password");

        var requested = client.post("/forgot-password", Map.of("email", email));
        var unknown = client.post("/forgot-password", Map.of("email", Accounts.uniqueEmail("nobody")));

        assertThat(requested.location()).endsWith("/forgot-password?notice=reset-requested");
        assertThat(unknown.location()).isEqualTo(requested.location());
        assertThat(client.get("/forgot-password?notice=reset-requested").body())
                .contains("If an account exists for that address");
        var token = awaitLink(email, RESET_LINK);
        assertThat(client.get("/reset-password?token=" + token).body()).contains("Choose a new password");

        var weak = client.post("/reset-password", Map.of("token", token, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 10 characters");

        var reset = client.post("/reset-password", Map.of("token", token, "newPassword", "a brand new passphrase"));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(reset.location()).endsWith("/login?notice=password-reset");
        assertThat(Accounts.login(api, email, "a brand new passphrase").status()).isEqualTo(200);
        var used = client.post("/reset-password", Map.of("token", token, "newPassword", "yet another passphrase"));
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.body()).contains("Ask for a new link");
    }

    @Test
    void changesNameAndPasswordOnTheAccountPage() {
        var email = Accounts.uniqueEmail("owner");
        assertThat(Accounts.register(api, email).status()).isEqualTo(201);
        var client = signedIn(email);
        assertThat(client.get("/account").body()).contains("Not verified").contains("Test User");

        var blank = client.post("/account/profile", Map.of("displayName", " "));
        var renamed = client.post("/account/profile", Map.of("displayName", "Olivia Owner"));
        var wrong = client.post("/account/password", Map.of("currentPassword", "not my password",
                "newPassword", "a second passphrase"));
        var changed = client.post("/account/password", Map.of("currentPassword", Accounts.PASSWORD,
                "newPassword", "a second passphrase"));
        var resent = client.post("/account/verification-email", Map.of());

        assertThat(blank.status()).isEqualTo(400);
        assertThat(input(blank.body(), "displayName")).contains("aria-invalid=\"true\"");
        assertThat(renamed.location()).endsWith("/account?notice=profile-saved");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("The current password is wrong.");
        assertThat(changed.location()).endsWith("/account?notice=password-changed");
        assertThat(resent.location()).endsWith("/account?notice=verification-sent");
        assertThat(client.get("/account?notice=password-changed").body()).contains("Olivia Owner")
                .contains("Your password is changed.");
        assertThat(Accounts.login(api, email, "a second passphrase").status()).isEqualTo(200);
    }

    @Test
    void tellsAnAdminWhyTheirOwnAccessCannotChange() {
        var email = users.create("self-admin", Role.ADMIN);
        var me = Accounts.login(api, email, Accounts.PASSWORD).json().get("user").get("id").asString();
        var client = signedIn(email);
        client.get("/admin/users?q=self-admin");

        var refused = client.post("/admin/users/" + me + "/access", Map.of("roles", "ADMIN", "q", "self-admin"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).contains("error=identity.cannot_change_own_access").contains("q=self-admin");
        assertThat(client.get("/admin/users?error=identity.cannot_change_own_access&q=self-admin").body())
                .containsPattern("role=\"alert\"[^>]*>You cannot deactivate yourself or remove your own Admin role.<");
        assertThat(Accounts.login(api, email, Accounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void revokesASessionWithHtmxOrAPlainForm() {
        var email = users.create("devices", Role.CUSTOMER);
        var client = signedIn(email);
        var phone = sessionOf(Accounts.login(api, email, Accounts.PASSWORD).get("accessToken"));
        var laptop = sessionOf(Accounts.login(api, email, Accounts.PASSWORD).get("accessToken"));
        client.get("/account");

        var plain = client.post("/account/sessions/" + phone + "/revoke", Map.of());
        client.withHeader("HX-Request", "true");
        var htmx = client.post("/account/sessions/" + laptop + "/revoke", Map.of());
        var again = client.post("/account/sessions/" + laptop + "/revoke", Map.of());

        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.location()).endsWith("/account?notice=session-revoked");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("hx-swap-oob=\"true\"").contains("The session was signed out.")
                .doesNotContain("<html");
        assertThat(again.body()).contains("That session had already ended.");
    }

    @Test
    void pagesThroughUsersKeepingTheSearch() {
        var admin = pages().withCookie(BrowserCookies.ACCESS, users.signedIn(api, "pager", Role.ADMIN));

        var second = admin.get("/admin/users?q=example&page=1");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("href=\"/admin/users?q=example&amp;page=0\" rel=\"prev\"");
    }

    @Test
    void showsFriendlyErrorPagesWithoutExceptionText() {
        var customer = pages().withCookie(BrowserCookies.ACCESS, users.signedIn(api, "nosy", Role.CUSTOMER));
        var admin = pages().withCookie(BrowserCookies.ACCESS, users.signedIn(api, "root", Role.ADMIN));

        var missing = pages().get("/no-such-page");
        var forbidden = customer.get("/admin/users");
        var malformed = admin.get("/admin/users?page=lots");
        var wrongMethod = pages().get("/logout");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("Page not found").contains("<main id=\"main\"");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("You cannot do this");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("That request was not valid")
                .doesNotContain("NumberFormatException").doesNotContain("lots");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void keepsProblemDetailsForTheApi() {
        var token = users.signedIn(api, "client", Role.CUSTOMER);

        var missing = api.as(token).get("/api/v1/no-such-endpoint");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.code()).isEqualTo("request.not_found");
    }

    @Test
    void showsOnlyFlashMessagesFromItsOwnDictionary() {
        var known = pages().get("/login?notice=signed-out");
        var crafted = pages().get("/login?notice=%3Cscript%3Ealert(1)%3C%2Fscript%3E&error=Your+account+is+hacked");

        assertThat(known.body()).contains("You have signed out.");
        assertThat(crafted.status()).isEqualTo(200);
        assertThat(crafted.body()).doesNotContain("alert(1)").doesNotContain("hacked").doesNotContain("class=\"flash");
    }

    /** The {@code <input>} tag with this id. */
    private static String input(String html, String id) {
        var matcher = Pattern.compile("<input[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as("input #%s", id).isTrue();
        return matcher.group();
    }

    private PageClient pages() {
        return new PageClient("http://localhost:" + port);
    }

    private PageClient signedIn(String email) {
        var client = pages();
        client.get("/login");
        var response = client.post("/login", Map.of("email", email, "password", Accounts.PASSWORD));
        assertThat(response.location()).endsWith("/account");
        return client;
    }

    /** The id of the session the access token belongs to. */
    private String sessionOf(String accessToken) {
        for (var session : api.as(accessToken).get("/api/v1/me/sessions").json()) {
            if (session.get("current").asBoolean()) {
                return session.get("id").asString();
            }
        }
        throw new IllegalStateException("no current session");
    }

    private boolean emailVerified(String email) {
        var token = Accounts.login(api, email, Accounts.PASSWORD).get("accessToken");
        return api.as(token).get("/api/v1/me").json().get("emailVerified").asBoolean();
    }

    /** The token of the newest link matching {@code pattern} mailed to {@code email}. */
    private static String awaitLink(String email, Pattern pattern) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> findLink(email, pattern), Optional::isPresent).orElseThrow();
    }

    private static Optional<String> findLink(String email, Pattern pattern) throws Exception {
        var messages = Arrays.stream(mail().getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(email)).toList();
        for (var message : messages.reversed()) {
            var matcher = pattern.matcher(message.getContent().toString());
            if (matcher.find()) {
                return Optional.of(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
