package io.usher.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The types an attachment may have, recognized by their leading bytes. ZIP-based formats (docx, xlsx) are not
 * allowed: a ZIP cannot be told from an archive of anything by its first bytes. Plain text must be valid UTF-8
 * without control characters other than tab, line feed, form feed and carriage return, checked over the whole file.
 */
public enum AllowedType {

    PNG("image/png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new int[] {0xFF, 0xD8, 0xFF}),
    GIF87("image/gif", "GIF87a"),
    GIF89("image/gif", "GIF89a"),
    PDF("application/pdf", "%PDF-"),
    TEXT("text/plain; charset=UTF-8", new int[0]);

    private final String mediaType;
    private final int[] magic;

    AllowedType(String mediaType, int[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    AllowedType(String mediaType, String magic) {
        this(mediaType, magic.chars().toArray());
    }

    public String mediaType() {
        return mediaType;
    }

    /** The binary type whose signature the content starts with; text is decided on the whole content. */
    public static Optional<AllowedType> bySignature(byte[] head, int length) {
        return Arrays.stream(values()).filter(type -> type.magic.length > 0 && type.matches(head, length)).findFirst();
    }

    static List<String> names() {
        return List.of("PNG", "JPEG", "GIF", "PDF", "plain text (UTF-8)");
    }

    private boolean matches(byte[] head, int length) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
