package io.usher.desk.internal;

import java.util.UUID;

import io.usher.desk.SlaPolicy;

/** A configured SLA policy with its id. */
public record StoredSlaPolicy(UUID id, SlaPolicy policy) {
}
