package io.usher.platform.ratelimit;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.usher.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The general API limit, per signed-in user or, for anonymous calls, per client address. The API security
 * chain runs it right after token authentication (so it knows who is calling) and before authorization (so
 * refused calls count too). Every API response says how much is left.
 */
public class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final JsonMapper json;

    public ApiRateLimitFilter(RateLimiter limiter, RateLimitProperties properties, JsonMapper json) {
        this.limiter = limiter;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var decision = limiter.tryConsume(properties.apiLimit(), subject(request));
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            var seconds = Math.max(1, decision.retryAfter().toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setHeader("X-RateLimit-Reset", Long.toString(seconds));
            Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "platform.rate_limited",
                    "Too many requests. Try again in " + seconds + " s."), json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String subject(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "user:" + authentication.getName();
        }
        return "ip:" + request.getRemoteAddr();
    }
}
