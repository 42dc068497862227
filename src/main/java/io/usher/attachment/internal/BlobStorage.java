package io.usher.attachment.internal;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the {@link BlobStore}: the S3-compatible bucket when {@code usher.attachment.s3.endpoint} is set. */
@Configuration(proxyBeanMethods = false)
class BlobStorage {

    @Bean
    BlobStore blobStore(AttachmentProperties properties) throws IOException {
        return properties.s3().configured() ? new S3BlobStore(properties.s3()) : new BlobDirectory(properties);
    }
}
