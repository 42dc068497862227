package io.usher.attachment.internal;

import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.usher.attachment.AttachmentStorageUnavailable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2 …) under {@code blobs/ab/abcdef…} by SHA-256. A HEAD
 * comes before each PUT, so identical content is uploaded once even when its earlier database rows were rolled
 * back. The PUT is a plain body with its length and the SHA-256 Usher computed while receiving, which the storage
 * checks: no {@code aws-chunked} encoding or CRC32 trailer, which not every S3-compatible server accepts. Downloads
 * stream. Any failure of the storage becomes {@link AttachmentStorageUnavailable}, logged here with its cause.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final String bucket;

    S3BlobStore(AttachmentProperties.S3 settings) {
        this.bucket = settings.bucket();
        this.s3 = S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(credentials(settings))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static AwsCredentialsProvider credentials(AttachmentProperties.S3 settings) {
        if (settings.accessKey() == null) {
            // Instance roles, AWS_* environment variables, profiles: the SDK's usual chain.
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public void putIfAbsent(Received received) {
        if (exists(received.sha256())) {
            return;
        }
        var checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(received.sha256()));
        try {
            s3.putObject(put -> put.bucket(bucket).key(key(received.sha256())).contentLength(received.size())
                    .checksumSHA256(checksum), RequestBody.fromFile(received.file()));
        } catch (SdkException e) {
            throw unavailable("store", received.sha256(), e);
        }
    }

    @Override
    public InputStream open(String sha256) {
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key(sha256)));
        } catch (SdkException e) {
            throw unavailable("read", sha256, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw unavailable("look up", sha256, e);
        } catch (SdkException e) {
            throw unavailable("look up", sha256, e);
        }
    }

    static String key(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return "blobs/" + sha256.substring(0, 2) + "/" + sha256;
    }

    private AttachmentStorageUnavailable unavailable(String action, String sha256, SdkException cause) {
        log.warn("Could not {} attachment blob {} in bucket {}", action, sha256, bucket, cause);
        return new AttachmentStorageUnavailable();
    }

    @Override
    public void close() {
        s3.close();
    }
}
