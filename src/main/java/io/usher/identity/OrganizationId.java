package io.usher.identity;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an organization (an organizer team or a support team). */
public record OrganizationId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganizationId {
        Objects.requireNonNull(value, "organization id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
