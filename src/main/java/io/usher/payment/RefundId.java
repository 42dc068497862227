package io.usher.payment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a refund of a payment. */
public record RefundId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RefundId {
        Objects.requireNonNull(value, "refund id");
    }

    public static RefundId of(String value) {
        return new RefundId(UUID.fromString(value));
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
