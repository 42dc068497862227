package io.usher.attachment;

import io.usher.common.UsherException;

/** 415 {@code attachment.type_not_allowed}: the content is none of the allowed types, whatever its name says. */
public class AttachmentTypeNotAllowed extends UsherException {

    public AttachmentTypeNotAllowed() {
        super(415, "attachment.type_not_allowed", "Only " + String.join(", ", AllowedType.names())
                + " files can be attached; the type is recognized from the content, not the file name.");
    }
}
