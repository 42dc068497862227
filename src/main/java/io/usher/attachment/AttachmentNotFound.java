package io.usher.attachment;

import io.usher.common.UsherException;

/** 404 {@code attachment.not_found}. */
public class AttachmentNotFound extends UsherException {

    public AttachmentNotFound() {
        super(404, "attachment.not_found", "No such attachment.");
    }
}
