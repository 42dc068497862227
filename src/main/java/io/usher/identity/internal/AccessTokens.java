package io.usher.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * Issues and verifies access tokens: HS256 JWTs with {@code sub}, {@code email}, {@code roles} and {@code sid}.
 * Verification checks signature, issuer and expiry on the injected clock, and that the session is still
 * usable, so a signed-out token stops working before it expires.
 */
@Component
public class AccessTokens {

    static final String ISSUER = "usher";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    /**
     * Tokens whose signature and claims were already parsed and checked, by their text: a door device or a
     * storefront sends the same token for minutes. Only the parsing and the HMAC are skipped on a hit; the
     * validators (expiry on the injected clock, issuer, the session still usable) run on every request.
     */
    private final Cache<String, Jwt> parsed = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(SigningKey key, SessionRegistry sessions, Clock clock, IdentityProperties properties) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key.key()));
        this.decoder = NimbusJwtDecoder.withSecretKey(key.key()).macAlgorithm(MacAlgorithm.HS256).build();
        var timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        this.validator = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
                jwt -> sessionUsable(jwt, sessions));
        this.decoder.setJwtValidator(validator);
        this.clock = clock;
        this.ttl = properties.accessTokenTtl();
    }

    /** A signed access token for the user's session. */
    IssuedAccessToken issue(UserAccount user, UUID sessionId) {
        var now = clock.instant();
        var expiresAt = now.plus(ttl);
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .claim("sid", sessionId.toString())
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        var token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedAccessToken(token, expiresAt, ttl);
    }

    /** The decoder the resource server uses for bearer tokens and cookies alike. */
    public JwtDecoder decoder() {
        return this::decode;
    }

    private Jwt decode(String token) {
        var known = parsed.getIfPresent(token);
        if (known == null) {
            var jwt = decoder.decode(token);
            parsed.put(token, jwt);
            return jwt;
        }
        var result = validator.validate(known);
        if (result.hasErrors()) {
            parsed.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }

    private static OAuth2TokenValidatorResult sessionUsable(Jwt jwt, SessionRegistry sessions) {
        var sid = jwt.getClaimAsString("sid");
        if (sid == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no session", null));
        }
        try {
            return sessions.isUsable(UUID.fromString(sid))
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "session ended", null));
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "bad session id", null));
        }
    }

    /** An encoded access token and when it expires. */
    record IssuedAccessToken(String value, Instant expiresAt, Duration ttl) {
    }
}
