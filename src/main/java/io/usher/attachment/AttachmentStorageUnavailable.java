package io.usher.attachment;

import io.usher.common.UsherException;

/** 503 {@code attachment.storage_unavailable}: the blob storage (S3-compatible or disk) failed; nothing was recorded. */
public class AttachmentStorageUnavailable extends UsherException {

    public AttachmentStorageUnavailable() {
        super(503, "attachment.storage_unavailable", "Attachment storage is unavailable; try again later.");
    }
}
