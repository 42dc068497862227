package io.usher.attachment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An upload received into a temporary file: its hash, size and first bytes. Closing deletes the file. */
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
