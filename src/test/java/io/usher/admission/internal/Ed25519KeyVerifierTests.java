package io.usher.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519KeyVerifier} against RFC 8032's vectors and, decision for decision, against Bouncy Castle (and the
 * JDK on honest and tampered signatures). Edge cases (small-order and mixed-order R, non-canonical encodings,
 * S >= L, invalid keys) are built with a small, slow, affine reference implementation of the curve below.
 */
class Ed25519KeyVerifierTests {

    private static final HexFormat HEX = HexFormat.of();

    // ---------------------------------------------------------------------------------------------------------
    // RFC 8032, section 7.1

    @Test
    void rfc8032Vectors() {
        vector("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        vector("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        vector("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                        + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
        vector("f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
                "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e", TEST_1024_MESSAGE,
                "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
                        + "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03");
    }

    private static void vector(String secret, String publicKey, String message, String signature) {
        var pk = HEX.parseHex(publicKey);
        var m = HEX.parseHex(message);
        var sig = HEX.parseHex(signature);
        var derived = new byte[32];
        Ed25519.generatePublicKey(HEX.parseHex(secret), 0, derived, 0);
        assertThat(derived).isEqualTo(pk);
        assertThat(TicketSignatures.sign(HEX.parseHex(secret), m)).isEqualTo(sig);
        var verifier = new Ed25519KeyVerifier(pk);
        assertThat(verifier.verify(m, sig)).isTrue();
        var results = new boolean[1];
        verifier.verifyAll(new byte[][] {m}, new byte[][] {sig}, results);
        assertThat(results[0]).isTrue();
        var other = Arrays.copyOf(m, m.length + 1);
        assertThat(verifier.verify(other, sig)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Honest, tampered and misattributed signatures: the same decisions as Bouncy Castle's and the JDK's

    @Test
    void twentyThousandRandomTriplesAgreeWithBouncyCastleAndTheJdk() throws GeneralSecurityException {
        var random = new Random(20_000);
        int keys = 100;
        int perKey = 200;
        int accepted = 0;
        var signers = new ArrayList<Signer>();
        for (int i = 0; i < keys; i++) {
            signers.add(Signer.random(random));
        }
        var jdk = Signature.getInstance("Ed25519");
        for (int i = 0; i < keys; i++) {
            var signer = signers.get(i);
            var verifier = new Ed25519KeyVerifier(signer.publicKey);
            var jdkKey = jdkKey(signer.publicKey);
            for (int j = 0; j < perKey; j++) {
                var message = new byte[random.nextInt(160)];
                random.nextBytes(message);
                var signature = signer.sign(message);
                int variant = random.nextInt(20);
                if (variant < 4) {
                    signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                } else if (variant < 7 && message.length > 0) {
                    message[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                } else if (variant < 10) {
                    signature = signers.get((i + 1) % keys).sign(message);
                }
                boolean expected = bouncyCastle(signer.publicKey, message, signature);
                assertThat(verifier.verify(message, signature)).as("key %d message %d", i, j).isEqualTo(expected);
                assertThat(jdk(jdk, jdkKey, message, signature)).as("JDK, key %d message %d", i, j)
                        .isEqualTo(expected);
                accepted += expected ? 1 : 0;
            }
        }
        // about half the triples are honest: the comparison is not between two always-false answers
        assertThat(accepted).isBetween(keys * perKey * 4 / 10, keys * perKey * 6 / 10);
    }

    @Test
    void everyTamperedByteIsRejected() {
        var random = new Random(3);
        var signer = Signer.random(random);
        var verifier = new Ed25519KeyVerifier(signer.publicKey);
        for (int length : new int[] {1, 37, 200}) {
            var message = new byte[length];
            random.nextBytes(message);
            var signature = signer.sign(message);
            assertThat(verifier.verify(message, signature)).isTrue();
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                for (int i = 0; i < 64; i++) {
                    var tampered = signature.clone();
                    tampered[i] ^= (byte) flip;
                    assertThat(verifier.verify(message, tampered)).as("signature byte %d ^ %02x", i, flip).isFalse();
                    assertThat(bouncyCastle(signer.publicKey, message, tampered)).isFalse();
                }
                for (int i = 0; i < length; i++) {
                    var tampered = message.clone();
                    tampered[i] ^= (byte) flip;
                    assertThat(verifier.verify(tampered, signature)).as("message byte %d ^ %02x", i, flip).isFalse();
                }
            }
            assertThat(verifier.verify(message, Arrays.copyOf(signature, 63))).isFalse();
            assertThat(verifier.verify(message, Arrays.copyOf(signature, 65))).isFalse();
            assertThat(verifier.verify(Arrays.copyOf(message, length + 1), signature)).isFalse();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // S and R encodings

    @Test
    void scalarsNotBelowTheOrderAreRejected() {
        var random = new Random(4);
        var signer = Signer.random(random);
        var verifier = new Ed25519KeyVerifier(signer.publicKey);
        var message = "S >= L".getBytes();
        var signature = signer.sign(message);
        var s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
        assertThat(verifier.verify(message, signature)).isTrue();
        // S + L is the same scalar modulo L: a verifier that reduced S would accept it
        for (var bad : List.of(s.add(L), L, L.add(BigInteger.ONE), BigInteger.TWO.pow(253).add(s),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
            var forged = withS(signature, bad);
            assertThat(verifier.verify(message, forged)).as("S = %s", bad).isFalse();
            assertThat(bouncyCastle(signer.publicKey, message, forged)).isFalse();
        }
        assertThat(verifier.verify(message, withS(signature, L.subtract(BigInteger.ONE)))).isFalse();
    }

    @Test
    void rOffTheCurveOrNonCanonicalIsRejected() {
        var random = new Random(5);
        var signer = Signer.random(random);
        var verifier = new Ed25519KeyVerifier(signer.publicKey);
        var message = "R".getBytes();
        var encodings = new ArrayList<byte[]>();
        // y >= p: p + y for small y, among them y = 1 (the identity), and p itself (y = 0)
        for (int y = 0; y < 19; y++) {
            encodings.add(bytes(P.add(BigInteger.valueOf(y))));
            encodings.add(withSignBit(bytes(P.add(BigInteger.valueOf(y)))));
        }
        // x = 0 with the sign bit set: the identity and the point of order 2
        encodings.add(withSignBit(encode(IDENTITY)));
        encodings.add(withSignBit(encode(new Point(BigInteger.ZERO, P.subtract(BigInteger.ONE)))));
        // y with no x on the curve
        int offCurve = 0;
        for (int y = 2; offCurve < 8; y++) {
            var encoded = bytes(BigInteger.valueOf(y));
            if (decode(encoded) == null) {
                encodings.add(encoded);
                encodings.add(withSignBit(encoded));
                offCurve++;
            }
        }
        for (var r : encodings) {
            assertThat(decode(r)).isNull();
            // S = k * a makes [S]B - [k]A the identity, which would pass were R read as the identity (y = p + 1)
            var signature = signer.signWithNonce(message, r, BigInteger.ZERO);
            assertThat(verifier.verify(message, signature)).as("R = %s", HEX.formatHex(r)).isFalse();
            assertThat(bouncyCastle(signer.publicKey, message, signature)).isFalse();
        }
        // the canonical identity with the same S is a valid signature
        assertThat(verifier.verify(message, signer.signWithNonce(message, encode(IDENTITY), BigInteger.ZERO)))
                .isTrue();
    }

    /**
     * R = [r]B + T with T of small order (r = 0: R of small order) and S = r + k * a: valid under RFC 8032's cofactored
     * equation, which Bouncy Castle checks, not under the cofactorless one, which the JDK checks. The verifier must
     * answer as Bouncy Castle does; a verifier comparing encodings only would reject them all.
     */
    @Test
    void smallOrderAndMixedOrderRAreDecidedAsBouncyCastleDecides() throws GeneralSecurityException {
        var random = new Random(6);
        var signer = Signer.random(random);
        var verifier = new Ed25519KeyVerifier(signer.publicKey);
        var torsion = torsion();
        int bcAccepted = 0;
        int bcRejected = 0;
        int jdkAccepted = 0;
        var jdk = Signature.getInstance("Ed25519");
        var jdkKey = jdkKey(signer.publicKey);
        for (int t = 1; t < 8; t++) {
            for (int i = 0; i < 48; i++) {
                var message = ("small order " + t + " " + i).getBytes();
                var nonce = i % 2 == 0 ? BigInteger.ZERO : new BigInteger(250, random);
                var r = encode(add(mul(nonce, BASE), torsion.get(t)));
                var signature = signer.signWithNonce(message, r, nonce);
                boolean expected = bouncyCastle(signer.publicKey, message, signature);
                assertThat(verifier.verify(message, signature)).as("T%d, message %d", t, i).isEqualTo(expected);
                if (expected) {
                    bcAccepted++;
                } else {
                    bcRejected++;
                }
                jdkAccepted += jdk(jdk, jdkKey, message, signature) ? 1 : 0;
                // the same R with the S of another message is invalid under either equation
                var wrong = signer.signWithNonce("another".getBytes(), r, nonce);
                assertThat(verifier.verify(message, wrong)).isFalse();
                assertThat(bouncyCastle(signer.publicKey, message, wrong)).isFalse();
            }
        }
        assertThat(bcAccepted).isEqualTo(7 * 48);
        assertThat(bcRejected).isZero();
        assertThat(jdkAccepted).isZero();
        // the small-order R = identity with S = k * a is simply valid
        var message = "identity".getBytes();
        assertThat(verifier.verify(message, signer.signWithNonce(message, encode(IDENTITY), BigInteger.ZERO)))
                .isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Keys

    @Test
    void keysBouncyCastleRejectsAreRejected() {
        var torsion = torsion();
        var random = new Random(7);
        var keys = new ArrayList<byte[]>();
        for (var t : torsion) {
            keys.add(encode(t));                                   // the identity and points of order 2, 4, 8
            keys.add(encode(add(mul(new BigInteger(250, random), BASE), t)));  // mixed order (or valid for t = O)
        }
        keys.add(withSignBit(encode(IDENTITY)));
        keys.add(bytes(P.add(BigInteger.ONE)));                    // non-canonical identity
        keys.add(bytes(P));                                        // non-canonical y = 0
        var valid = Signer.random(random).publicKey;
        var y = littleEndian(valid).clearBit(255);
        if (y.add(P).bitLength() <= 255) {
            keys.add(bytes(y.add(P)));
        }
        for (int candidate = 2; keys.size() < 30; candidate++) {
            var encoded = bytes(BigInteger.valueOf(candidate));
            if (decode(encoded) == null) {
                keys.add(encoded);                                 // off the curve
            }
        }
        int accepted = 0;
        for (var key : keys) {
            boolean bc = Ed25519.validatePublicKeyFull(key, 0);
            if (bc) {
                new Ed25519KeyVerifier(key);
                accepted++;
            } else {
                assertThatThrownBy(() -> new Ed25519KeyVerifier(key)).as(HEX.formatHex(key))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(accepted).isEqualTo(1);                        // [r]B + O
        assertThatThrownBy(() -> new Ed25519KeyVerifier(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Batches

    @Test
    void verifyAllEqualsVerifyOnMixedBatches() {
        var random = new Random(8);
        var signer = Signer.random(random);
        var other = Signer.random(random);
        var verifier = new Ed25519KeyVerifier(signer.publicKey);
        var torsion = torsion();
        for (int size : new int[] {1, 7, 64, 1000}) {
            var messages = new byte[size][];
            var signatures = new byte[size][];
            for (int i = 0; i < size; i++) {
                var message = new byte[random.nextInt(80)];
                random.nextBytes(message);
                messages[i] = message;
                var signature = signer.sign(message);
                switch (random.nextInt(8)) {
                    case 0 -> signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                    case 1 -> signature = other.sign(message);
                    case 2 -> signature = withS(signature,
                            littleEndian(Arrays.copyOfRange(signature, 32, 64)).add(L));
                    case 3 -> {
                        var nonce = new BigInteger(250, random);
                        signature = signer.signWithNonce(message,
                                encode(add(mul(nonce, BASE), torsion.get(1 + random.nextInt(7)))), nonce);
                    }
                    case 4 -> signature = Arrays.copyOf(signature, 63);
                    default -> {
                    }
                }
                signatures[i] = signature;
            }
            var results = new boolean[size];
            verifier.verifyAll(messages, signatures, results);
            int accepted = 0;
            for (int i = 0; i < size; i++) {
                boolean single = verifier.verify(messages[i], signatures[i]);
                assertThat(results[i]).as("size %d, item %d", size, i).isEqualTo(single);
                assertThat(single).isEqualTo(signatures[i].length == 64
                        && bouncyCastle(signer.publicKey, messages[i], signatures[i]));
                accepted += single ? 1 : 0;
            }
            if (size >= 64) {
                assertThat(accepted).isBetween(size / 4, size * 3 / 4);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reduction modulo L

    @Test
    void reductionModuloTheOrder() {
        var random = new Random(9);
        var values = new ArrayList<BigInteger>();
        var max = BigInteger.TWO.pow(512);
        for (var base : List.of(BigInteger.ZERO, L, L.shiftLeft(1), L.multiply(BigInteger.valueOf(1000)),
                BigInteger.TWO.pow(252), BigInteger.TWO.pow(253), max.divide(L).multiply(L), max)) {
            for (int delta = -3; delta <= 3; delta++) {
                var value = base.add(BigInteger.valueOf(delta));
                if (value.signum() >= 0 && value.compareTo(max) < 0) {
                    values.add(value);
                }
            }
        }
        for (int i = 0; i < 20_000; i++) {
            values.add(new BigInteger(1 + random.nextInt(512), random));
        }
        var limbs = new long[25];
        var out = new byte[32];
        for (var value : values) {
            var h = new byte[64];
            var big = value.toByteArray();
            for (int i = 0; i < 64 && i < big.length; i++) {
                h[i] = big[big.length - 1 - i];
            }
            Ed25519KeyVerifier.reduce(h, limbs, out);
            assertThat(littleEndian(out)).as("%s", value).isEqualTo(value.mod(L));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // References

    private static boolean bouncyCastle(byte[] publicKey, byte[] message, byte[] signature) {
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    private static PublicKey jdkKey(byte[] encoded) throws GeneralSecurityException {
        var y = littleEndian(encoded);
        boolean xOdd = y.testBit(255);
        var point = new EdECPoint(xOdd, y.clearBit(255));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    private static boolean jdk(Signature jdk, PublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        jdk.initVerify(key);
        jdk.update(message);
        try {
            return jdk.verify(signature);
        } catch (SignatureException rejected) {
            return false;
        }
    }

    /** A signer over the reference arithmetic, able to sign with any R. */
    private record Signer(byte[] seed, BigInteger a, byte[] publicKey) {

        static Signer random(Random random) {
            var seed = new byte[32];
            random.nextBytes(seed);
            var scalar = Arrays.copyOf(sha512(seed), 32);
            scalar[0] &= (byte) 0xF8;
            scalar[31] &= 0x7F;
            scalar[31] |= 0x40;
            var a = littleEndian(scalar);
            var publicKey = encode(mul(a, BASE));
            var bc = new byte[32];
            Ed25519.generatePublicKey(seed, 0, bc, 0);
            assertThat(publicKey).isEqualTo(bc);
            return new Signer(seed, a, publicKey);
        }

        /** An honest signature, by Bouncy Castle. */
        byte[] sign(byte[] message) {
            return TicketSignatures.sign(seed, message);
        }

        /** R (any 32 bytes) with S = nonce + k * a mod L, k = H(R || A || M) mod L. */
        byte[] signWithNonce(byte[] message, byte[] r, BigInteger nonce) {
            var k = littleEndian(sha512(r, publicKey, message)).mod(L);
            var s = nonce.add(k.multiply(a)).mod(L);
            var signature = Arrays.copyOf(r, 64);
            System.arraycopy(bytes(s), 0, signature, 32, 32);
            return signature;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reference curve arithmetic (affine, BigInteger, slow and plain)

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    private record Point(BigInteger x, BigInteger y) {
    }

    private static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);
    private static final Point BASE = decode(bytes(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P))
            .mod(P)));

    private static Point add(Point p, Point q) {
        var xy = p.x.multiply(q.x).multiply(p.y).multiply(q.y).multiply(D).mod(P);
        var x = p.x.multiply(q.y).add(p.y.multiply(q.x)).multiply(BigInteger.ONE.add(xy).modInverse(P)).mod(P);
        var y = p.y.multiply(q.y).add(p.x.multiply(q.x)).multiply(BigInteger.ONE.subtract(xy).mod(P).modInverse(P))
                .mod(P);
        return new Point(x, y);
    }

    private static Point mul(BigInteger n, Point p) {
        var r = IDENTITY;
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            r = add(r, r);
            if (n.testBit(i)) {
                r = add(r, p);
            }
        }
        return r;
    }

    /** The eight points of small order, [j]T for j = 0..7 and T of order 8. */
    private static List<Point> torsion() {
        for (int y = 2; ; y++) {
            var p = decode(bytes(BigInteger.valueOf(y)));
            if (p == null) {
                continue;
            }
            var t = mul(L, p);
            if (!mul(BigInteger.valueOf(4), t).equals(IDENTITY)) {
                var points = new ArrayList<Point>();
                var q = IDENTITY;
                for (int j = 0; j < 8; j++) {
                    points.add(q);
                    q = add(q, t);
                }
                assertThat(q).isEqualTo(IDENTITY);
                return points;
            }
        }
    }

    private static byte[] encode(Point p) {
        var bytes = bytes(p.y);
        if (p.x.testBit(0)) {
            bytes[31] |= (byte) 0x80;
        }
        return bytes;
    }

    /** RFC 8032 5.1.3, strictly: null for y >= p, y off the curve, or x = 0 with the sign bit. */
    private static Point decode(byte[] encoded) {
        var value = littleEndian(encoded);
        boolean sign = value.testBit(255);
        var y = value.clearBit(255);
        if (y.compareTo(P) >= 0) {
            return null;
        }
        var u = y.pow(2).subtract(BigInteger.ONE).mod(P);
        var v = D.multiply(y.pow(2)).add(BigInteger.ONE).mod(P);
        var x2 = u.multiply(v.modInverse(P)).mod(P);
        var x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.pow(2).mod(P).equals(x2)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
            if (!x.pow(2).mod(P).equals(x2)) {
                return null;
            }
        }
        if (x.signum() == 0 && sign) {
            return null;
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x);
        }
        return new Point(x, y);
    }

    private static byte[] bytes(BigInteger value) {
        var big = value.toByteArray();
        var out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static BigInteger littleEndian(byte[] bytes) {
        var big = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            big[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    private static byte[] withSignBit(byte[] encoded) {
        var copy = encoded.clone();
        copy[31] |= (byte) 0x80;
        return copy;
    }

    private static byte[] withS(byte[] signature, BigInteger s) {
        var copy = signature.clone();
        var big = s.toByteArray();
        Arrays.fill(copy, 32, 64, (byte) 0);
        for (int i = 0; i < 32 && i < big.length; i++) {
            copy[32 + i] = big[big.length - 1 - i];
        }
        return copy;
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            var sha = MessageDigest.getInstance("SHA-512");
            for (var part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String TEST_1024_MESSAGE = """
            08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1\
            e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d\
            658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a\
            7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e\
            06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10\
            3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1\
            85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d\
            502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270\
            88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b\
            eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba\
            b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b\
            e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7\
            51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d\
            cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df\
            f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7\
            984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4\
            88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09\
            43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f\
            b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161\
            0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d\
            b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca\
            c60c905c15fc910840b94c00a0b9d0""";
}
