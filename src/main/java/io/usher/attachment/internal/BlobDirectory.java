package io.usher.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.usher.attachment.AttachmentTooLarge;

/**
 * Blobs on local disk under {@code usher.attachment.directory}: {@code ab/abcdef…} by SHA-256, written once. An upload
 * is received into {@code tmp/} while it is hashed and counted, then moved into place unless that content is there
 * already. A blob whose database rows were rolled back stays on disk, harmless: it is only reachable by its hash.
 */
@Component
public class BlobDirectory {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final int HEAD = 512;

    private final Path root;
    private final Path tmp;

    BlobDirectory(AttachmentProperties properties) throws IOException {
        this.root = properties.directory().toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    /** An upload received into a temporary file: its hash, size and first bytes. */
    public record Received(Path file, String sha256, long size, byte[] head, int headLength) implements AutoCloseable {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Copies the stream into a temporary file, refusing it once it passes {@code maxBytes}. */
    public Received receive(InputStream content, long maxBytes) {
        try {
            var file = Files.createTempFile(tmp, "upload-", ".part");
            var digest = MessageDigest.getInstance("SHA-256");
            var head = new byte[HEAD];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                var buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    if (headLength < HEAD) {
                        int take = Math.min(n, HEAD - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new AttachmentTooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (AttachmentTooLarge | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Received(file, HexFormat.of().formatHex(digest.digest()), size, head, headLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the whole file is UTF-8 text without control characters other than tab, LF, FF and CR. */
    public boolean isText(Received received) {
        try (var reader = Files.newBufferedReader(received.file(), StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) >= 0) {
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F) {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the received content into place, unless the same content is stored already. */
    public void keep(Received received) {
        var target = path(received.sha256());
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another upload of the same content got there first: same bytes, nothing to do.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
