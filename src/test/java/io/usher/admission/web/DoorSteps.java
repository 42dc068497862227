package io.usher.admission.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What a person at the door does in the browser before scanning, shared by the door's browser tests. */
final class DoorSteps {

    private DoorSteps() {
    }

    /** Opens the scanner of the event whose link matches {@code event} from the door's list, at {@code gate}. */
    static void openScanner(Page page, Pattern event, String gate) {
        page.navigate("/door");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(event)).click();
        page.getByLabel("Gate").fill(gate);
    }
}
