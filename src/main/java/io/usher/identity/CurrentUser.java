package io.usher.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in caller of the current request, read from its verified access token.
 *
 * @param sessionId the sign-in session the access token belongs to
 */
public record CurrentUser(UserId id, String email, Set<Role> roles, UUID sessionId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller, or empty for an anonymous request. */
    public static Optional<CurrentUser> find() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    /** The caller; only call this behind an endpoint that requires authentication. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated user in this request"));
    }

    static CurrentUser from(Jwt jwt) {
        var roles = jwt.getClaimAsStringList("roles").stream().map(Role::valueOf).collect(Collectors.toSet());
        return new CurrentUser(UserId.of(jwt.getSubject()), jwt.getClaimAsString("email"), Set.copyOf(roles),
                UUID.fromString(jwt.getClaimAsString("sid")));
    }
}
