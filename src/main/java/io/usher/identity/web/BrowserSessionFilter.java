package io.usher.identity.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

import io.usher.common.UsherException;
import io.usher.identity.internal.Authentication;
import io.usher.identity.internal.ClientInfo;
import io.usher.identity.internal.RefreshConflict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For pages: takes the access token from its cookie and, when it has expired or its session was refreshed
 * elsewhere, transparently trades the refresh cookie for a new pair. The token it settles on is left in a
 * request attribute for the bearer-token authentication that follows.
 */
class BrowserSessionFilter extends OncePerRequestFilter {

    static final String TOKEN_ATTRIBUTE = BrowserSessionFilter.class.getName() + ".token";

    private final JwtDecoder decoder;
    private final Authentication authentication;
    private final Duration refreshTtl;

    BrowserSessionFilter(JwtDecoder decoder, Authentication authentication, Duration refreshTtl) {
        this.decoder = decoder;
        this.authentication = authentication;
        this.refreshTtl = refreshTtl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/actuator/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var access = BrowserCookies.read(request, BrowserCookies.ACCESS);
        if (access != null && verifies(access)) {
            request.setAttribute(TOKEN_ATTRIBUTE, access);
        } else {
            var refresh = BrowserCookies.read(request, BrowserCookies.REFRESH);
            if (refresh != null) {
                try {
                    var tokens = authentication.refresh(refresh,
                            new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent")));
                    BrowserCookies.write(request, response, tokens, refreshTtl);
                    request.setAttribute(TOKEN_ATTRIBUTE, tokens.accessToken());
                } catch (RefreshConflict e) {
                    // Another tab refreshed this instant; its response carries the new cookies.
                } catch (UsherException e) {
                    BrowserCookies.clear(request, response);
                }
            } else if (access != null) {
                BrowserCookies.clear(request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private boolean verifies(String token) {
        try {
            decoder.decode(token);
            return true;
        } catch (JwtException e) {
            return false;
        }
    }
}
