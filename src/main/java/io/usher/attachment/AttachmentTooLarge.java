package io.usher.attachment;

import io.usher.common.UsherException;

/** 413 {@code attachment.too_large}: a file above the per-file limit. */
public class AttachmentTooLarge extends UsherException {

    public AttachmentTooLarge(long maxBytes) {
        super(413, "attachment.too_large", "A file may have at most " + maxBytes + " bytes.");
    }
}
