package io.usher.identity.internal;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** bcrypt at the configured cost (12 in production). */
@Component
class PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    /** Compared against when the e-mail is unknown, so both answers take as long. */
    private final String decoy;

    PasswordHasher(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptCost());
        this.decoy = encoder.encode("decoy-password-for-unknown-accounts");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    void spendTimeLikeAMatch(String password) {
        encoder.matches(password == null ? "" : password, decoy);
    }

    int cost() {
        return Integer.parseInt(decoy.substring(4, 6));
    }
}
