package io.usher.desk.internal;

import java.util.UUID;

/** A policy as an administrator writes it; without {@code categoryId} it applies to every category. */
public record SlaPolicyDetails(String priority, UUID categoryId, Long firstResponseMinutes, Long resolutionMinutes) {
}
