package io.usher.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organization (an organizer team or a support team). */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "organization id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
