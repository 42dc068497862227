package io.usher.notification.internal;

import java.util.List;
import java.util.Objects;

/** A plain-text e-mail to one recipient, with files attached or none. */
record Mail(String to, String subject, String body, List<Attachment> attachments) {

    Mail {
        attachments = List.copyOf(attachments);
    }

    Mail(String to, String subject, String body) {
        this(to, subject, body, List.of());
    }

    /** A file sent along, e.g. the tickets' PDF. */
    record Attachment(String filename, String contentType, byte[] content) {

        Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }
}
