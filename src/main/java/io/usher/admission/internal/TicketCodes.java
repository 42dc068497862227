package io.usher.admission.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Human-friendly ticket codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in
 * groups as {@code 7KQ4-M9XP-T2}. About 2<sup>49</sup> codes, so guessing one is hopeless at the door's rate limit.
 */
final class TicketCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    String next() {
        var code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** For display: {@code 7KQ4M9XPT2} → {@code 7KQ4-M9XP-T2}. */
    static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /**
     * What door staff typed, as a stored code: case, spaces and dashes do not matter, and the look-alikes are
     * read as the character they resemble (O as 0 is not in the alphabet, so it is refused rather than guessed).
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
