package io.usher.payment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a payment: one checkout attempt through a gateway. */
public record PaymentId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PaymentId {
        Objects.requireNonNull(value, "payment id");
    }

    public static PaymentId of(String value) {
        return new PaymentId(UUID.fromString(value));
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
