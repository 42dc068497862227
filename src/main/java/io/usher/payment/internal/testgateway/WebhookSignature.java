package io.usher.payment.internal.testgateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.usher.payment.internal.InvalidSignature;

/**
 * Stripe's webhook signature scheme: the header {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">},
 * keyed with the endpoint secret. Several {@code v1} entries may appear (while a secret is rotated); one must
 * match. The timestamp must lie within the tolerance of now, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The signature header for a payload sent at {@code at}. */
    public static String header(String secret, Instant at, byte[] payload) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, payload));
    }

    /**
     * @throws InvalidSignature missing or malformed header, no matching signature, or a timestamp outside the
     *         tolerance
     */
    public static void verify(String header, byte[] payload, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new InvalidSignature("The webhook carries no signature header.");
        }
        Long timestamp = null;
        var signatures = new ArrayList<byte[]>();
        for (var part : header.split(",")) {
            var pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    throw new InvalidSignature("The signature header's timestamp is not a number.");
                }
            } else if (pair[0].equals("v1")) {
                try {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                } catch (IllegalArgumentException e) {
                    // a malformed entry matches nothing; another v1 may still match
                }
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new InvalidSignature("The signature header needs t=<timestamp> and v1=<signature>.");
        }
        var expected = hmac(secret, timestamp, payload);
        if (signatures.stream().noneMatch(signature -> MessageDigest.isEqual(signature, expected))) {
            throw new InvalidSignature("No signature matches the payload for this endpoint's secret.");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw new InvalidSignature("The signature's timestamp is outside the tolerance of "
                    + tolerance.toSeconds() + " s.");
        }
    }

    private static byte[] hmac(String secret, long timestamp, byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
