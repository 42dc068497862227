package io.usher.attachment;

import io.usher.common.UsherException;

/** 400 {@code attachment.empty}: a file without content. */
public class AttachmentEmpty extends UsherException {

    public AttachmentEmpty() {
        super(400, "attachment.empty", "The file is empty.");
    }
}
