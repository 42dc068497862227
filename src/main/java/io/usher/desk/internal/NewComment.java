package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

/**
 * A comment as a client writes it.
 *
 * @param body Markdown, shown as sanitized HTML
 * @param visibility {@code PUBLIC} or {@code INTERNAL} (agents only)
 * @param attachmentIds the author's uploads to the ticket that this comment carries
 */
public record NewComment(String body, String visibility, List<UUID> attachmentIds) {
}
