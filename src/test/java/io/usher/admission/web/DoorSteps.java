package io.usher.admission.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.usher.support.Accounts;

/** What a person at the door does in the browser before scanning, shared by the door's browser tests. */
final class DoorSteps {

    private DoorSteps() {
    }

    /** Signs in with the test accounts' password on the sign-in page. */
    static void signIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).not().hasURL(Pattern.compile("/login"));
    }

    /** Opens the scanner of the event whose link matches {@code event} from the door's list, at {@code gate}. */
    static void openScanner(Page page, Pattern event, String gate) {
        page.navigate("/door");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(event)).click();
        page.getByLabel("Gate").fill(gate);
    }
}
