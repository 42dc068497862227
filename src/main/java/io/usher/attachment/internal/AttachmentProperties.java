package io.usher.attachment.internal;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment storage ({@code usher.attachment.*}).
 *
 * @param directory where blobs live on local disk, one file per content named by its SHA-256; uploads are received
 *        into its {@code tmp/} whichever store keeps them
 * @param maxFileSize the largest file accepted
 * @param s3 an S3-compatible bucket to keep blobs in instead of the directory, when its endpoint is set
 */
@ConfigurationProperties("usher.attachment")
public record AttachmentProperties(@DefaultValue("./data/attachments") Path directory,
        @DefaultValue("10MB") DataSize maxFileSize, @DefaultValue S3 s3) {

    public AttachmentProperties {
        if (maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("usher.attachment.max-file-size must be positive");
        }
    }

    /**
     * S3-compatible storage ({@code usher.attachment.s3.*}), used when {@code endpoint} is set.
     *
     * @param endpoint the service's base URL, e.g. {@code https://s3.eu-central-1.amazonaws.com} or
     *        {@code http://minio:9000}
     * @param bucket required with an endpoint
     * @param region the signing region; most S3-compatible servers accept {@code us-east-1}
     * @param accessKey with {@code secretKey}, static credentials; without both, the AWS SDK's default chain
     * @param pathStyle {@code /bucket/key} URLs (MinIO, Ceph) rather than {@code bucket.host/key}
     */
    public record S3(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
            String secretKey, @DefaultValue("true") boolean pathStyle) {

        public S3 {
            if (endpoint != null && (bucket == null || bucket.isBlank())) {
                throw new IllegalArgumentException(
                        "usher.attachment.s3.bucket is required when usher.attachment.s3.endpoint is set");
            }
            if ((accessKey == null) != (secretKey == null)) {
                throw new IllegalArgumentException(
                        "usher.attachment.s3.access-key and usher.attachment.s3.secret-key go together");
            }
        }

        boolean configured() {
            return endpoint != null;
        }
    }
}
