package io.usher.admission.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * What a ticket's QR code carries: {@code U1.} followed by the base64url (no padding) of 37 payload bytes and their
 * 64-byte Ed25519 signature. The payload is a format byte (1), the event id (16 bytes), the ticket id (16 bytes)
 * and the ticket's version (4 bytes, big-endian); 138 characters in all, a small QR code.
 */
public record TicketToken(UUID event, UUID ticket, int version) {

    static final String PREFIX = "U1.";
    static final int PAYLOAD_LENGTH = 37;
    static final int SIGNATURE_LENGTH = 64;
    private static final byte FORMAT = 1;

    byte[] payload() {
        return ByteBuffer.allocate(PAYLOAD_LENGTH).put(FORMAT)
                .putLong(event.getMostSignificantBits()).putLong(event.getLeastSignificantBits())
                .putLong(ticket.getMostSignificantBits()).putLong(ticket.getLeastSignificantBits())
                .putInt(version).array();
    }

    String encode(byte[] signature) {
        var bytes = ByteBuffer.allocate(PAYLOAD_LENGTH + SIGNATURE_LENGTH).put(payload()).put(signature).array();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token's parts, before its signature is checked. */
    record Signed(TicketToken token, byte[] payload, byte[] signature) {
    }

    /** The token's parts, or empty when it is not a well-formed Usher ticket token (its signature is not checked). */
    static Optional<Signed> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)
                || text.length() != PREFIX.length() + base64Length(PAYLOAD_LENGTH + SIGNATURE_LENGTH)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != FORMAT) {
            return Optional.empty();
        }
        var event = new UUID(buffer.getLong(), buffer.getLong());
        var ticket = new UUID(buffer.getLong(), buffer.getLong());
        var version = buffer.getInt();
        var payload = new byte[PAYLOAD_LENGTH];
        System.arraycopy(bytes, 0, payload, 0, PAYLOAD_LENGTH);
        var signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(bytes, PAYLOAD_LENGTH, signature, 0, SIGNATURE_LENGTH);
        return Optional.of(new Signed(new TicketToken(event, ticket, version), payload, signature));
    }

    private static int base64Length(int bytes) {
        return (bytes * 8 + 5) / 6;
    }
}
