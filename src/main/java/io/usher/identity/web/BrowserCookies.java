package io.usher.identity.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import io.usher.identity.internal.TokenPair;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser UI holds the same tokens as API clients, in {@code HttpOnly; SameSite=Lax} cookies (plus
 * {@code Secure} behind TLS), so no instance keeps server-side session state.
 */
final class BrowserCookies {

    static final String ACCESS = "usher_at";
    static final String REFRESH = "usher_rt";

    private BrowserCookies() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, TokenPair tokens, Duration refreshTtl) {
        add(request, response, ACCESS, tokens.accessToken(), tokens.accessTokenTtl());
        add(request, response, REFRESH, tokens.refreshToken(), refreshTtl);
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        add(request, response, ACCESS, "", Duration.ZERO);
        add(request, response, REFRESH, "", Duration.ZERO);
    }

    static String read(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void add(HttpServletRequest request, HttpServletResponse response, String name, String value,
            Duration maxAge) {
        var cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
