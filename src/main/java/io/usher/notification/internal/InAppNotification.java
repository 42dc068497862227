package io.usher.notification.internal;

import java.time.Instant;
import java.util.UUID;

/** One entry of a person's in-app inbox. */
public record InAppNotification(UUID id, UUID userId, String kind, String title, String body, String link,
        Instant createdAt, Instant readAt) {
}
