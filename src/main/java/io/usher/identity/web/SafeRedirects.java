package io.usher.identity.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a page may send the browser after signing in. {@code next} comes from the query string, so anyone can
 * write a link with it: only a path on this site is followed, never another host ({@code //evil.example},
 * {@code /\evil.example}, {@code https://…}), so the sign-in page cannot be used to bounce users elsewhere.
 */
final class SafeRedirects {

    static final String DEFAULT = "/account";
    private static final int MAX_LENGTH = 2000;

    private SafeRedirects() {
    }

    /** {@code next} when it is a path on this site, else {@link #DEFAULT}. */
    static String localPath(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.startsWith("/")
                || next.startsWith("//")) {
            return DEFAULT;
        }
        for (var i = 0; i < next.length(); i++) {
            var c = next.charAt(i);
            // Printable ASCII only: no spaces or control characters, and no backslash, which browsers read as '/'.
            if (c <= ' ' || c > '~' || c == '\\') {
                return DEFAULT;
            }
        }
        try {
            var uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : DEFAULT;
        } catch (URISyntaxException e) {
            return DEFAULT;
        }
    }
}
