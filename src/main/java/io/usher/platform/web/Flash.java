package io.usher.platform.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A one-off message after a redirect ("You have signed out"), without server-side session state: the redirect
 * carries {@code ?notice=<key>} or {@code ?error=<code>} and the page shows the text that
 * {@code messages.properties} holds for {@code notice.<key>} or {@code error.<code>}. Anything not in that
 * dictionary shows nothing, so a crafted link can never put its own words on a page.
 *
 * @param error whether it reports a failure (shown as an alert) rather than a success (a status)
 */
public record Flash(String message, boolean error) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    static Optional<Flash> from(HttpServletRequest request, MessageSource messages, Locale locale) {
        return lookup(request.getParameter("error"), "error.", true, messages, locale)
                .or(() -> lookup(request.getParameter("notice"), "notice.", false, messages, locale));
    }

    private static Optional<Flash> lookup(String key, String prefix, boolean error, MessageSource messages,
            Locale locale) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(messages.getMessage(prefix + key, null, null, locale))
                .map(message -> new Flash(message, error));
    }
}
