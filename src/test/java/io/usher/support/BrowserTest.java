package io.usher.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Base of browser tests: the application as {@link IntegrationTest} runs it, driven through the system's
 * Chromium by Playwright (no browser download). One browser per test class; each test gets a fresh context, so
 * no cookies leak between tests, and a page whose relative URLs go to the application ({@link #newVisitor()}
 * opens more, for tests with several people at once). A test fails when the page
 * reports a script error or a Content-Security-Policy violation.
 */
public abstract class BrowserTest extends IntegrationTest {

    /** Generous, because the build machine may be busy; assertions retry until they hold or this passes. */
    private static final double TIMEOUT_MS = 15_000;

    private static Playwright playwright;
    private static Browser browser;

    private final List<String> browserErrors = new CopyOnWriteArrayList<>();
    private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(launchOptions());
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    /** Debian's Chromium, headless, quiet; {@code extraArguments} added to its command line. */
    public static BrowserType.LaunchOptions launchOptions(String... extraArguments) {
        var arguments = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        arguments.addAll(List.of(extraArguments));
        return new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(arguments);
    }

    /** Collects the page's script errors and console errors (CSP violations among them) into {@code errors}. */
    public static void watchForErrors(Page page, List<String> errors) {
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            // Error statuses the tests provoke on purpose (a 401 for a wrong password) are logged too; not a fault.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add(message.text());
            }
        });
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = newVisitor();
    }

    @AfterEach
    void closePage() {
        contexts.forEach(BrowserContext::close);
        assertThat(browserErrors).as("script errors and CSP violations in the browser").isEmpty();
    }

    /**
     * A page in a browser context of its own: another visitor with their own cookies (the test's {@link #page} is
     * the first). Closed after the test, and watched for script errors like the first.
     */
    protected Page newVisitor() {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("en-GB")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        contexts.add(context);
        var visitor = context.newPage();
        watchForErrors(visitor, browserErrors);
        return visitor;
    }

    /** Signs {@code page}'s visitor in on the sign-in page with the test accounts' password. */
    public static void signIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        PlaywrightAssertions.assertThat(page).not().hasURL(Pattern.compile("/login"));
    }

    /** Saves a screenshot of the whole page under {@code target/screenshots/} for a human to look at. */
    protected void screenshot(String name) {
        screenshot(page, name);
    }

    /** The same for another visitor's page. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
