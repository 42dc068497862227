package io.usher.attachment.internal;

import java.io.InputStream;

import io.usher.attachment.AttachmentStorageUnavailable;

/**
 * Where attachment contents live, each once under its SHA-256 (lower-case hex): a local directory by default
 * ({@link BlobDirectory}), an S3-compatible bucket when {@code usher.attachment.s3.endpoint} is set
 * ({@link S3BlobStore}). A blob is written before the rows that name it, so a row never names a missing blob; a blob
 * whose rows were rolled back stays, harmless, reachable only by its hash.
 */
public interface BlobStore {

    /**
     * Stores the received content under its hash unless that content is stored already.
     *
     * @throws AttachmentStorageUnavailable when the storage cannot be reached or refuses the write
     */
    void putIfAbsent(Received received);

    /**
     * The content stored under this hash, streamed; the caller closes it.
     *
     * @throws AttachmentStorageUnavailable when the storage cannot be reached or the blob is missing
     */
    InputStream open(String sha256);

    /** Whether content is stored under this hash. */
    boolean exists(String sha256);
}
