package io.usher.identity.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.usher.identity.AccessRules;
import io.usher.identity.Role;
import io.usher.identity.internal.AccessTokens;
import io.usher.identity.internal.Authentication;
import io.usher.identity.internal.IdentityProperties;
import io.usher.platform.ratelimit.ApiRateLimitFilter;
import io.usher.platform.ratelimit.RateLimitProperties;
import io.usher.platform.ratelimit.RateLimiter;
import io.usher.platform.web.FormTargets;
import io.usher.platform.web.Problems;
import io.usher.platform.web.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two stateless security chains. The API ({@code /api/**}) accepts only {@code Authorization: Bearer}
 * tokens, so cookies can never authenticate a cross-site API call and CSRF protection is not needed there.
 * Pages accept the same tokens from cookies and therefore check a CSRF token on every form post.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    // Images may come from any https host: event images and pictures in event descriptions are absolute https
    // URLs that organizers give (catalog accepts nothing else). Scripts stay same-origin only.
    // form-action: a form whose answer redirects elsewhere (checkout on a payment gateway's page, Usher's own base
    // URL behind a proxy) is blocked by the browser unless that origin is listed, so modules name theirs.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'%s; base-uri 'self'; object-src 'none'";

    private final String contentSecurityPolicy;

    SecurityConfiguration(WebProperties web, List<FormTargets> formTargets) {
        var origins = new java.util.TreeSet<String>();
        origins.add(origin(web.baseUrl()));
        formTargets.forEach(targets -> targets.origins().forEach(o -> origins.add(origin(o))));
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY.formatted(
                origins.stream().map(o -> " " + o).collect(java.util.stream.Collectors.joining()));
    }

    private static String origin(String url) {
        var uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccessTokens tokens, JsonMapper json, WebProperties web,
            List<AccessRules> moduleRules, RateLimiter limiter, RateLimitProperties limits) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(corsSource(web)))
                .headers(this::headers)
                .authorizeHttpRequests(routes -> {
                    routes.requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
                            "/api/v1/auth/refresh", "/api/v1/auth/password-reset",
                            "/api/v1/auth/password-reset/confirm", "/api/v1/auth/verify-email").permitAll();
                    routes.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());
                    moduleRules.forEach(rule -> rule.apply(routes));
                    routes.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(apiEntryPoint(json))
                        .accessDeniedHandler(apiAccessDenied(json)))
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint(json))
                        .accessDeniedHandler(apiAccessDenied(json)))
                .addFilterAfter(new ApiRateLimitFilter(limiter, limits, json), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AccessTokens tokens, Authentication authentication,
            IdentityProperties properties) throws Exception {
        var browserSession = new BrowserSessionFilter(tokens.decoder(), authentication, properties.refreshTokenTtl());
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, every signed-in request counts as a fresh authentication; the default strategy would
                // then replace the CSRF token on each page view, breaking forms already on screen (other tabs, htmx).
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(this::headers)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/account/**").authenticated()
                        .requestMatchers("/tickets", "/tickets/**").authenticated()
                        .requestMatchers("/desk", "/desk/new", "/desk/tickets", "/desk/tickets/**").authenticated()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/desk/admin", "/desk/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/organizer/**").hasAnyRole(Role.ORGANIZER.name(), Role.ADMIN.name())
                        .requestMatchers("/desk/agent/**", "/desk/agent").hasAnyRole(Role.AGENT.name(),
                                Role.MANAGER.name(), Role.ADMIN.name())
                        .requestMatchers("/door/**", "/door").hasAnyRole(Role.DOOR_STAFF.name(), Role.ORGANIZER.name(),
                                Role.ADMIN.name())
                        .anyRequest().permitAll())
                .addFilterBefore(browserSession, BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(request ->
                                (String) request.getAttribute(BrowserSessionFilter.TOKEN_ATTRIBUTE))
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(pageEntryPoint()))
                // Refusals (no role, bad CSRF token) go to the error page; the resource server's default
                // would answer signed-in users with an empty 403.
                .exceptionHandling(e -> e.authenticationEntryPoint(pageEntryPoint())
                        .accessDeniedHandler(new AccessDeniedHandlerImpl()));
        return http.build();
    }

    private void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(Customizer.withDefaults())
                .contentTypeOptions(Customizer.withDefaults())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    private static JwtAuthenticationConverter roles() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static UrlBasedCorsConfigurationSource corsSource(WebProperties web) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!web.corsAllowedOrigins().isEmpty()) {
            var cors = new CorsConfiguration();
            cors.setAllowedOrigins(web.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
                    "X-Correlation-ID"));
            cors.setExposedHeaders(List.of("X-Correlation-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                    HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    private static AuthenticationEntryPoint apiEntryPoint(JsonMapper json) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            var presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
            var problem = presented
                    ? Problems.of(HttpStatus.UNAUTHORIZED, "identity.invalid_token",
                            "The access token is invalid, expired or its session has ended.")
                    : Problems.of(HttpStatus.UNAUTHORIZED, "identity.unauthenticated",
                            "Sign in first: send an access token as 'Authorization: Bearer <token>'.");
            Problems.write(request, response, problem, json);
        };
    }

    private static AccessDeniedHandler apiAccessDenied(JsonMapper json) {
        return (request, response, e) -> Problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN,
                "identity.forbidden", "You do not have permission to do this."), json);
    }

    private static AuthenticationEntryPoint pageEntryPoint() {
        return (request, response, e) -> redirectToLogin(request, response);
    }

    private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
}
