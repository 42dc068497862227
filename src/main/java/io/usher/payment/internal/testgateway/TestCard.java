package io.usher.payment.internal.testgateway;

import java.util.Arrays;
import java.util.Optional;

/** The test gateway's cards and what each does (like Stripe's test cards). */
public enum TestCard {
    SUCCEEDS("4242424242424242", null),
    DECLINED("4000000000000002", "card_declined"),
    INSUFFICIENT_FUNDS("4000000000009995", "insufficient_funds"),
    SUCCEEDS_AFTER_DELAY("4000000000003220", null);

    private final String number;
    private final String declineCode;

    TestCard(String number, String declineCode) {
        this.number = number;
        this.declineCode = declineCode;
    }

    public String number() {
        return number;
    }

    /** Why the card is declined; {@code null} for cards that pay. */
    public String declineCode() {
        return declineCode;
    }

    /** The card with this number, ignoring spaces and dashes. */
    public static Optional<TestCard> of(String number) {
        var digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
    }
}
