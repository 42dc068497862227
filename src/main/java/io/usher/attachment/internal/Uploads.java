package io.usher.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import io.usher.attachment.AttachmentTooLarge;

/**
 * Receives uploads into {@code tmp/} under {@code usher.attachment.directory}, hashing and counting them, so they can
 * be typed and refused before anything is stored — whichever {@link BlobStore} keeps them afterwards.
 */
@Component
public class Uploads {

    static final int HEAD = 512;

    private final Path tmp;

    Uploads(AttachmentProperties properties) throws IOException {
        this.tmp = properties.directory().toAbsolutePath().normalize().resolve("tmp");
        Files.createDirectories(tmp);
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
}
