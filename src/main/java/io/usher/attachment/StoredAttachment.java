package io.usher.attachment;

import java.time.Instant;

import io.usher.identity.UserId;

/**
 * An attachment's description.
 *
 * @param name the uploader's file name, made safe to show and to offer as a download name
 * @param contentType the type found in the content (not the one the client declared)
 * @param sha256 the content's SHA-256, lower-case hex; identical uploads share their bytes
 */
public record StoredAttachment(AttachmentId id, String name, String contentType, long size, String sha256,
        UserId owner, Instant createdAt) {
}
