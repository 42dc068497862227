package io.usher.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.usher.identity.Role;
import io.usher.support.Accounts;
import io.usher.support.BrowserTest;
import io.usher.support.Users;

/** The identity pages in Chromium: signing up, in and out, sessions, administration. */
class IdentityPagesBrowserTests extends BrowserTest {

    @Autowired
    Users users;

    @Test
    void signsUpSignsInRevokesASessionAndSignsOut() {
        var email = Accounts.uniqueEmail("rita");
        page.navigate("/register");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Your name").fill("Rita Register");
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        button("Create account").click();

        assertThat(page).hasURL(Pattern.compile("/login\\?notice=registered$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your account is ready");
        signIn(email);
        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                .containsText("Rita Register");

        var phone = Accounts.login(api, email, Accounts.PASSWORD);
        var laptop = Accounts.login(api, email, Accounts.PASSWORD);
        page.reload();
        var sessions = page.locator("tbody tr");
        assertThat(sessions).hasCount(3);
        assertThat(sessions.filter(new Locator.FilterOptions().setHasText("This device"))).hasCount(1);
        var others = sessions.filter(new Locator.FilterOptions().setHasText("Java client"));
        assertThat(others).hasCount(2);
        screenshot("account");

        others.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(others).hasCount(1);
        assertThat(page.locator("#sessions-status")).hasText("The session was signed out.");
        others.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();

        assertThat(others).hasCount(0);
        assertThat(sessions).hasCount(1);
        assertThat(page).hasURL(Pattern.compile("/account$"));
        for (var revoked : List.of(phone, laptop)) {
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", revoked.get("refreshToken")))
                    .status()).isEqualTo(401);
        }

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?notice=signed-out$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");
        page.navigate("/account");
        assertThat(page).hasURL(Pattern.compile("/login\\?next="));
    }

    @Test
    void showsWhySigningInFailedNextToTheFormAndStaysOnTheSignInPage() {
        var email = users.create("forgetful", Role.CUSTOMER);
        page.navigate("/login");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill("not the password");
        button("Sign in").click();

        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The e-mail address or password is wrong.");
        assertThat(page.locator("form[aria-describedby='login-failure']")).isVisible();
        assertThat(page.getByLabel("E-mail address")).hasValue(email);
        assertThat(page.getByLabel("Password")).isEmpty();
        screenshot("login-failed");
    }

    @Test
    void adminFindsAUserAndDeactivatesThem() {
        var admin = users.create("ada", Role.ADMIN);
        var target = users.create("tom", Role.CUSTOMER, Role.AGENT);
        page.navigate("/login");
        signIn(admin);

        page.locator("summary", new Page.LocatorOptions().setHasText("Admin")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/admin/users$"));
        page.getByLabel("Search by e-mail or name").fill(target);
        button("Search").click();

        var row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(target));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Agent, Customer");
        assertThat(row).containsText("Active");
        row.getByText("Edit access").click();
        row.getByLabel("Active", new Locator.GetByLabelOptions().setExact(true)).uncheck();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save access")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The user's access is updated.");
        assertThat(page.getByLabel("Search by e-mail or name")).hasValue(target);
        assertThat(row).containsText("Deactivated");
        screenshot("admin-users");
        assertThat(Accounts.login(api, target, Accounts.PASSWORD).code()).isEqualTo("identity.account_disabled");
    }

    @Test
    void sendsAnonymousVisitorsToSignInAndBackToWhereTheyWereGoing() {
        var email = users.create("returning", Role.CUSTOMER);

        page.navigate("/account");
        assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Faccount$"));
        signIn(email);

        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account")))
                .isVisible();
    }

    private void signIn(String email) {
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        button("Sign in").click();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
