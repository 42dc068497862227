package io.usher.attachment.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment storage ({@code usher.attachment.*}).
 *
 * @param directory where blobs live on local disk, one file per content named by its SHA-256
 * @param maxFileSize the largest file accepted
 */
@ConfigurationProperties("usher.attachment")
public record AttachmentProperties(@DefaultValue("./data/attachments") Path directory,
        @DefaultValue("10MB") DataSize maxFileSize) {

    public AttachmentProperties {
        if (maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("usher.attachment.max-file-size must be positive");
        }
    }
}
