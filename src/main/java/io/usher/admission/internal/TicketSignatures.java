package io.usher.admission.internal;

import java.security.SecureRandom;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) signing and verification of ticket tokens. Bouncy Castle's implementation: the JDK's signs
 * and verifies an order of magnitude slower, and a door with many gates checks thousands of tokens a minute.
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

    /** Verifies under one public key, decoded once. */
    static final class Verifier {

        private final Ed25519.PublicPoint key;

        Verifier(byte[] publicKey) {
            this.key = Ed25519.validatePublicKeyFullExport(publicKey, 0);
            if (key == null) {
                throw new IllegalArgumentException("not a valid Ed25519 public key");
            }
        }

        boolean verify(byte[] message, byte[] signature) {
            return signature.length == Ed25519.SIGNATURE_SIZE
                    && Ed25519.verify(signature, 0, key, message, 0, message.length);
        }
    }
}
