package io.usher.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThatNoException().isThrownBy(() -> policy.check("violet staircase thunder", "ann@example.test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "nine char"})
    void rejectsPasswordsShorterThanTenCharacters(String password) {
        assertThatThrownBy(() -> policy.check(password, "ann@example.test"))
                .isInstanceOf(WeakPassword.class).hasMessageContaining("10 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "PASSWORD123", "qwertyuiop", "1234567890"})
    void rejectsCommonPasswordsInAnyLetterCase(String password) {
        assertThatThrownBy(() -> policy.check(password, "ann@example.test")).hasMessageContaining("too common");
    }

    @Test
    void rejectsTheEmailAddressOrItsLocalPart() {
        assertThatThrownBy(() -> policy.check("Annabelle.Smith@example.test", "annabelle.smith@example.test"))
                .hasMessageContaining("e-mail");
        assertThatThrownBy(() -> policy.check("annabelle.smith", "annabelle.smith@example.test"))
                .hasMessageContaining("e-mail");
    }

    @Test
    void rejectsAbsurdlyLongPasswords() {
        assertThatThrownBy(() -> policy.check("x".repeat(129), "ann@example.test")).hasMessageContaining("at most");
    }

    @Test
    void hashesWithBcryptCostTwelveByDefault() {
        var defaults = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource())
                .bindOrCreate("usher.identity", IdentityProperties.class);

        assertThat(defaults.bcryptCost()).isEqualTo(12);
        assertThat(new PasswordHasher(defaults).hash("violet staircase thunder")).startsWith("$2a$12$");
    }
}
