package io.usher.admission.internal;

import java.security.SecureRandom;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) signing and verification of ticket tokens. Signing is Bouncy Castle's (the JDK's is an order of
 * magnitude slower); verification under an event's key is {@link Ed25519KeyVerifier}'s, from tables built for the key.
 */
final class TicketSignatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketSignatures() {
    }

    /** A new key pair: the 32-byte private seed and its 32-byte public key. */
    static KeyPair generate() {
        var privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
        RANDOM.nextBytes(privateKey);
        var publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return new KeyPair(publicKey, privateKey);
    }

    record KeyPair(byte[] publicKey, byte[] privateKey) {
    }

    static byte[] sign(byte[] privateKey, byte[] message) {
        var signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * Verifies under one public key, from tables precomputed once for it ({@link Ed25519KeyVerifier}): the same
     * decisions as Bouncy Castle's, several times faster.
     */
    static final class Verifier {

        private final Ed25519KeyVerifier key;

        Verifier(byte[] publicKey) {
            this.key = new Ed25519KeyVerifier(publicKey);
        }

        boolean verify(byte[] message, byte[] signature) {
            return key.verify(message, signature);
        }

        /** Verifies many at once (an uploaded batch): each answer is the one {@link #verify} gives. */
        void verifyAll(byte[][] messages, byte[][] signatures, boolean[] results) {
            key.verifyAll(messages, signatures, results);
        }
    }
}
