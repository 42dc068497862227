package io.usher.attachment;

import java.io.InputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.usher.attachment.internal.AttachmentProperties;
import io.usher.attachment.internal.AttachmentStore;
import io.usher.attachment.internal.BlobStore;
import io.usher.attachment.internal.Uploads;
import io.usher.identity.UserId;

/**
 * Stores and opens attachments. A file is accepted up to {@code usher.attachment.max-file-size} (10 MB) when its
 * content is one of the {@link AllowedType}s — the name the client gave is kept for display only. Identical contents
 * are stored once (by SHA-256); every upload still gets its own {@link AttachmentId}.
 */
@Service
public class Attachments {

    private final Uploads uploads;
    private final BlobStore blobs;
    private final AttachmentStore store;
    private final long maxBytes;
    private final Clock clock;

    Attachments(Uploads uploads, BlobStore blobs, AttachmentStore store, AttachmentProperties properties, Clock clock) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.store = store;
        this.maxBytes = properties.maxFileSize().toBytes();
        this.clock = clock;
    }

    /**
     * Stores the content. Joins the caller's transaction, so an attachment the caller rolls back is not recorded.
     *
     * @throws AttachmentTooLarge above the per-file limit
     * @throws AttachmentTypeNotAllowed when the content is not an allowed type
     * @throws AttachmentEmpty when there is no content
     * @throws AttachmentStorageUnavailable when the blob storage fails; nothing is recorded then
     */
    @Transactional
    public StoredAttachment store(InputStream content, String declaredName, UserId owner) {
        try (var received = uploads.receive(content, maxBytes)) {
            if (received.size() == 0) {
                throw new AttachmentEmpty();
            }
            var type = AllowedType.bySignature(received.head(), received.headLength())
                    .or(() -> uploads.isText(received) ? Optional.of(AllowedType.TEXT) : Optional.empty())
                    .orElseThrow(AttachmentTypeNotAllowed::new);
            // The blob before its rows: a storage failure leaves nothing recorded.
            blobs.putIfAbsent(received);
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            store.blob(received.sha256(), received.size(), type.mediaType(), now);
            var attachment = new StoredAttachment(AttachmentId.random(), safeName(declaredName), type.mediaType(),
                    received.size(), received.sha256(), owner, now);
            store.insert(attachment);
            return attachment;
        }
    }

    public Optional<StoredAttachment> find(AttachmentId id) {
        return store.find(id);
    }

    /**
     * The attachment's bytes, streamed from storage; the caller closes the stream.
     *
     * @throws AttachmentStorageUnavailable when the blob storage fails
     */
    public InputStream open(AttachmentId id) {
        var attachment = store.find(id).orElseThrow(AttachmentNotFound::new);
        return blobs.open(attachment.sha256());
    }

    /**
     * The last path segment of the name, without control characters, quotes, slashes or backslashes, at most 255
     * characters; {@code attachment} when nothing is left.
     */
    public static String safeName(String declared) {
        if (declared == null) {
            return "attachment";
        }
        var name = Normalizer.normalize(declared, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"*:<>?|;]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        return name.isBlank() ? "attachment" : name;
    }
}
