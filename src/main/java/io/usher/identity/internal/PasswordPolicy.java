package io.usher.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** At least 10 characters, not a commonly used password, not the e-mail address (or its local part). */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws WeakPassword naming the rule that failed */
    void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new WeakPassword("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new WeakPassword("The password must have at most " + MAX_LENGTH + " characters.");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new WeakPassword("This password is too common. Choose another one.");
        }
        if (email != null) {
            var mail = email.toLowerCase(Locale.ROOT);
            var local = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
            if (lower.equals(mail) || lower.equals(local)) {
                throw new WeakPassword("The password must not be your e-mail address.");
            }
        }
    }
}
