package io.usher.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user; other modules reference users by this id only. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
