package io.usher.common;

import java.util.Currency;
import java.util.Objects;

/** An amount in minor units (cents) of one currency. Never a floating-point number. */
public record Money(long minor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("money is never negative here: " + minor);
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency));
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }
}
