package io.usher.admission.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032, pure, no context) verification under one fixed public key, several times faster than a
 * generic verification: the constructor precomputes, for the base point B and for the key A, every multiple
 * {@code j * 256^i * P} (j = 1..128, i = 0..31), so that {@code R' = [S]B - [k]A} takes 64 table look-ups and
 * mixed additions and no doublings. {@link #verifyAll} shares one field inversion among a batch.
 *
 * <p>The decision is exactly that of Bouncy Castle's {@code Ed25519.verify} (1.86) with the same key, which is
 * RFC 8032's <em>cofactored</em> check (section 5.1.7): S below the group order L, R a canonical encoding of a curve point, and
 * {@code [8](R - [S]B + [k]A)} the identity (Bouncy Castle evaluates {@code [8][v1](...)} with a short v1 from a
 * basis reduction of k, the same condition since A has order L and v1 is not a multiple of L). The fast path accepts
 * when R's bytes equal the encoding of R' = [S]B - [k]A; otherwise R is decoded and R - R' tested for small order.
 * The two differ only for signatures whose R has a small-order component, which only the key's owner can make: the
 * JDK's verifier, cofactorless, rejects them.
 *
 * <p>The 64 additions (about 450 field multiplications) are most of the time, so they run over {@link Field51}:
 * five 51-bit limbs in a {@code long[]}, whose multiplication takes the integer multiplier for the low 64 bits of
 * each coefficient and the floating-point one for an estimate of the rest, about 1.6 times as fast as Bouncy
 * Castle's {@link X25519Field} (ten 25.5-bit limbs) in Java 25 on x86-64. The tables hold {@link Field51} elements.
 * What happens once per verification or less (the inversion of Z, building tables, decoding R and the
 * small-order test) stays in Bouncy Castle's field, converting through the 32-byte encoding, which is exact.
 *
 * <p>Verification handles public data only and is not constant-time. Instances are immutable and thread-safe
 * (about 0.5 MB of tables each, plus 0.5 MB shared for B). Point formulae follow Bouncy Castle's
 * {@code Ed25519} (extensible coordinates, half-Niels precomputed points).
 */
final class Ed25519KeyVerifier {

    static final int KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    private static final int SIZE = Field51.SIZE;
    private static final int WINDOWS = 32;               // 8-bit signed windows cover scalars below 2^255
    private static final int ENTRIES = 128;              // |digit| in 1..128
    private static final int ENTRY_LONGS = 3 * SIZE;     // (y+x)/2, (y-x)/2, x*y*d
    private static final int BATCH = 64;

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] ORDER_BYTES = littleEndian(ORDER);
    private static final byte[] P_BYTES = littleEndian(P);

    private static final int[] D = field(BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));
    private static final int[] D2 = field(fieldValue(D).shiftLeft(1).mod(P));
    private static final int[] HALF = field(P.add(BigInteger.ONE).shiftRight(1));

    // 2^252 = -c (mod L), c = L - 2^252, as 21-bit limbs of -c
    private static final long M21 = (1L << 21) - 1;
    private static final long[] MINUS_C = new long[6];
    private static final long[] ORDER21 = new long[13];

    static {
        var c = ORDER.subtract(BigInteger.TWO.pow(252));
        for (int j = 0; j < MINUS_C.length; j++) {
            MINUS_C[j] = -(c.shiftRight(21 * j).longValue() & M21);
        }
        for (int j = 0; j < ORDER21.length; j++) {
            ORDER21[j] = ORDER.shiftRight(21 * j).longValue() & M21;
        }
    }

    /** The base point's table, built on first use. */
    private static final class Base {
        static final long[] TABLE;

        static {
            var encoded = littleEndian(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P));
            var b = new Affine();
            if (!decodePoint(encoded, 0, b)) {
                throw new IllegalStateException();
            }
            TABLE = table(b);
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    private final byte[] publicKey;
    private final long[] keyTable;

    /** @throws IllegalArgumentException unless Bouncy Castle's full validation accepts the key */
    Ed25519KeyVerifier(byte[] publicKey) {
        if (publicKey == null || publicKey.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        this.publicKey = publicKey.clone();
        // Canonical, on the curve, not of small order, of order L: exactly the keys the old verifier accepted.
        if (!Ed25519.validatePublicKeyFull(this.publicKey, 0)) {
            throw new IllegalArgumentException("not a valid Ed25519 public key");
        }
        var a = new Affine();
        if (!decodePoint(this.publicKey, 0, a)) {
            throw new IllegalStateException("a validated key does not decode");
        }
        this.keyTable = table(a);
    }

    /** Whether {@code signature} is a valid signature of {@code message} under this key. */
    boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        var work = WORK.get();
        if (!prepare(work, message, signature)) {
            return false;
        }
        var r = work.accumulator;
        multiply(work, r);
        invert(work, r.z, work.zInverse);
        return decide(work, r.x, r.y, work.zInverse, signature);
    }

    /** For each i, {@code results[i] = verify(messages[i], signatures[i])}, sharing field inversions. */
    void verifyAll(byte[][] messages, byte[][] signatures, boolean[] results) {
        if (messages.length != signatures.length || results.length != signatures.length) {
            throw new IllegalArgumentException("messages, signatures and results differ in length");
        }
        var work = WORK.get();
        for (int from = 0; from < signatures.length; from += BATCH) {
            verifyChunk(work, messages, signatures, results, from, Math.min(signatures.length, from + BATCH));
        }
    }

    private void verifyChunk(Work work, byte[][] messages, byte[][] signatures, boolean[] results, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            var signature = signatures[i];
            results[i] = false;
            if (signature == null || signature.length != SIGNATURE_SIZE || !prepare(work, messages[i], signature)) {
                continue;
            }
            var r = work.batch[n];
            multiply(work, r);
            work.index[n++] = i;
        }
        if (n == 0) {
            return;
        }
        // Montgomery's trick: one inversion for the n Z coordinates.
        var prefix = work.prefix;
        Field51.copy(work.batch[0].z, 0, prefix[0], 0);
        for (int j = 1; j < n; j++) {
            Field51.mul(prefix[j - 1], work.batch[j].z, prefix[j]);
        }
        var inverse = work.zInverse;
        invert(work, prefix[n - 1], inverse);
        var zi = work.t0;
        for (int j = n - 1; j >= 0; j--) {
            var r = work.batch[j];
            if (j > 0) {
                Field51.mul(inverse, prefix[j - 1], zi);
                Field51.mul(inverse, r.z, inverse);
            } else {
                Field51.copy(inverse, 0, zi, 0);
            }
            int i = work.index[j];
            results[i] = decide(work, r.x, r.y, zi, signatures[i]);
        }
    }

    /** Checks S < L, then computes the signed digits of S and of k = SHA-512(R || A || M) mod L. */
    private boolean prepare(Work work, byte[] message, byte[] signature) {
        if (!belowOrder(signature, 32)) {
            return false;
        }
        Objects.requireNonNull(message, "message");
        var sha = work.sha;
        sha.reset();
        sha.update(signature, 0, 32);
        sha.update(publicKey);
        sha.update(message);
        try {
            sha.digest(work.hash, 0, 64);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        reduce(work.hash, work.limbs, work.k);
        signedDigits(signature, 32, work.sDigits);
        signedDigits(work.k, 0, work.kDigits);
        return true;
    }

    /** r = [S]B - [k]A from the two tables: at most 64 mixed additions. */
    private void multiply(Work work, Accum r) {
        boolean started = false;
        var s = work.sDigits;
        var k = work.kDigits;
        var base = Base.TABLE;
        for (int i = 0; i < WINDOWS; i++) {
            int d = s[i];
            if (d != 0) {
                started = add(work, r, started, base, i, d < 0, Math.abs(d));
            }
            d = k[i];
            if (d != 0) {
                started = add(work, r, started, keyTable, i, d > 0, Math.abs(d));
            }
        }
        if (!started) {
            Field51.zero(r.x);
            Field51.one(r.y);
            Field51.one(r.z);
            Field51.zero(r.u);
            Field51.one(r.v);
        }
    }

    private static boolean add(Work work, Accum r, boolean started, long[] table, int window, boolean negate, int abs) {
        int off = (window * ENTRIES + abs - 1) * ENTRY_LONGS;
        if (started) {
            pointAddVar(negate, table, off, r, work.t0);
        } else {
            // x = ypx/2 - ymx/2, y = ypx/2 + ymx/2 (x negated for a negative digit); z = 1, t = u * v = x * y
            var ypxH = work.ypxH;
            var ymxH = work.ymxH;
            Field51.copy(table, off, ypxH, 0);
            Field51.copy(table, off + SIZE, ymxH, 0);
            if (negate) {
                Field51.sub(ymxH, ypxH, r.x);
            } else {
                Field51.sub(ypxH, ymxH, r.x);
            }
            Field51.add(ypxH, ymxH, r.y);
            Field51.carry(r.x);
            Field51.carry(r.y);
            Field51.one(r.z);
            Field51.copy(r.x, 0, r.u, 0);
            Field51.copy(r.y, 0, r.v, 0);
        }
        return true;
    }

    /** z = 1/x by Bouncy Castle's {@link X25519Field#invVar}, through the 32-byte encoding (x carried). */
    private static void invert(Work work, long[] x, long[] z) {
        var bytes = work.encoded;
        Field51.encode(x, bytes, 0);
        X25519Field.decode(bytes, 0, work.bcIn);
        X25519Field.invVar(work.bcIn, work.bcOut);
        X25519Field.normalize(work.bcOut);
        X25519Field.encode(work.bcOut, bytes, 0);
        Field51.decode(bytes, 0, z);
    }

    /** Given R' = (x : y : z) and 1/z: whether R' encodes to R, or else whether R - R' has small order. */
    private static boolean decide(Work work, long[] x, long[] y, long[] zInverse, byte[] signature) {
        var ax = work.ax;
        var ay = work.ay;
        Field51.mul(x, zInverse, ax);
        Field51.mul(y, zInverse, ay);
        Field51.normalize(ax);
        Field51.normalize(ay);
        var encoded = work.encoded;
        Field51.encode(ay, encoded, 0);
        encoded[31] |= (byte) ((ax[0] & 1) << 7);
        if (Arrays.equals(encoded, 0, 32, signature, 0, 32)) {
            return true;
        }
        // R' != R: still valid under the cofactored equation if R is a point and R - R' has small order. Rare (and
        // only the key's owner can cause it), so in Bouncy Castle's field.
        var decoded = work.r;
        if (!decodePoint(signature, 0, decoded)) {
            return false;
        }
        var bcX = X25519Field.create();
        var bcY = X25519Field.create();
        Field51.encode(ax, encoded, 0);
        X25519Field.decode(encoded, 0, bcX);
        Field51.encode(ay, encoded, 0);
        X25519Field.decode(encoded, 0, bcY);
        var difference = new BcAccum();
        X25519Field.copy(decoded.x, 0, difference.x, 0);
        X25519Field.copy(decoded.y, 0, difference.y, 0);
        X25519Field.one(difference.z);
        X25519Field.copy(decoded.x, 0, difference.u, 0);
        X25519Field.copy(decoded.y, 0, difference.v, 0);
        var minus = new Extended();
        X25519Field.negate(bcX, minus.x);
        X25519Field.normalize(minus.x);
        X25519Field.copy(bcY, 0, minus.y, 0);
        X25519Field.one(minus.z);
        X25519Field.mul(minus.x, minus.y, minus.t);
        pointAdd(minus, difference, new Temp());
        for (int i = 0; i < 3; i++) {
            pointDouble(difference);
        }
        return isNeutral(difference);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scalars

    private static boolean belowOrder(byte[] bytes, int off) {
        for (int i = 31; i >= 0; i--) {
            int a = bytes[off + i] & 0xFF;
            int b = ORDER_BYTES[i] & 0xFF;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    /** out = h mod L (32 bytes little-endian), h a 64-byte little-endian number; s is scratch of 25 longs. */
    static void reduce(byte[] h, long[] s, byte[] out) {
        for (int i = 0; i < 25; i++) {
            s[i] = bits21(h, 21 * i);
        }
        // Fold the top limb (weight 2^(21i) = 2^252 * 2^(21(i-12))) down using 2^252 = -c (mod L).
        for (int i = 24; i >= 12; i--) {
            long t = s[i];
            s[i] = 0;
            for (int j = 0; j < 6; j++) {
                s[i - 12 + j] += t * MINUS_C[j];
            }
            for (int q = i - 12; q < i - 1; q++) {
                long carry = s[q] >> 21;
                s[q + 1] += carry;
                s[q] -= carry << 21;
            }
        }
        // Now s[0..10] are in [0, 2^21) and s[11] is small and signed: value = low + top * 2^252 with |top| tiny.
        long top = s[11] >> 21;
        s[11] &= M21;
        s[12] = 0;
        for (int j = 0; j < 6; j++) {
            s[j] += top * MINUS_C[j];
        }
        carry13(s);
        // value in (-L, 2L): one correction.
        if (s[12] < 0) {
            for (int j = 0; j < 13; j++) {
                s[j] += ORDER21[j];
            }
            carry13(s);
        } else {
            long[] w = new long[13];
            for (int j = 0; j < 13; j++) {
                w[j] = s[j] - ORDER21[j];
            }
            carry13(w);
            if (w[12] >= 0) {
                System.arraycopy(w, 0, s, 0, 13);
            }
        }
        long acc = 0;
        int bits = 0;
        int o = 0;
        for (int q = 0; q < 13 && o < 32; q++) {
            acc |= s[q] << bits;
            bits += 21;
            while (bits >= 8 && o < 32) {
                out[o++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
    }

    private static void carry13(long[] s) {
        for (int q = 0; q < 12; q++) {
            long carry = s[q] >> 21;
            s[q + 1] += carry;
            s[q] -= carry << 21;
        }
    }

    private static long bits21(byte[] h, int off) {
        int b = off >>> 3;
        long word = 0;
        for (int i = 0; i < 4 && b + i < 64; i++) {
            word |= (long) (h[b + i] & 0xFF) << (8 * i);
        }
        return (word >>> (off & 7)) & M21;
    }

    /** Signed radix-256 digits in [-128, 127] of a 32-byte little-endian scalar below 2^253. */
    private static void signedDigits(byte[] scalar, int off, int[] digits) {
        int carry = 0;
        for (int i = 0; i < WINDOWS; i++) {
            int d = (scalar[off + i] & 0xFF) + carry;
            carry = (d + 128) >>> 8;
            digits[i] = d - (carry << 8);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Points

    private static final class Affine {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
    }

    /**
     * Extensible coordinates: x = X/Z, y = Y/Z, x*y = U*V/Z, in {@link Field51}: x, y and z carried, u and v loose
     * (what {@link #pointAddVar} accepts and leaves).
     */
    private static final class Accum {
        final long[] x = Field51.create();
        final long[] y = Field51.create();
        final long[] z = Field51.create();
        final long[] u = Field51.create();
        final long[] v = Field51.create();
    }

    /** {@link Accum} in Bouncy Castle's field, for the small-order test. */
    private static final class BcAccum {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] u = X25519Field.create();
        final int[] v = X25519Field.create();
    }

    private static final class Extended {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] t = X25519Field.create();
    }

    private static final class Temp {
        final int[] r0 = X25519Field.create();
        final int[] r1 = X25519Field.create();
    }

    private static final class Work {
        final MessageDigest sha;
        final byte[] hash = new byte[64];
        final long[] limbs = new long[25];
        final byte[] k = new byte[32];
        final int[] sDigits = new int[WINDOWS];
        final int[] kDigits = new int[WINDOWS];
        final Accum accumulator = new Accum();
        final long[] ypxH = Field51.create();
        final long[] ymxH = Field51.create();
        final long[] zInverse = Field51.create();
        final long[] t0 = Field51.create();
        final long[] ax = Field51.create();
        final long[] ay = Field51.create();
        final int[] bcIn = X25519Field.create();
        final int[] bcOut = X25519Field.create();
        final byte[] encoded = new byte[32];
        final Affine r = new Affine();
        final Accum[] batch = new Accum[BATCH];
        final long[][] prefix = new long[BATCH][];
        final int[] index = new int[BATCH];

        Work() {
            try {
                sha = MessageDigest.getInstance("SHA-512");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < BATCH; i++) {
                batch[i] = new Accum();
                prefix[i] = Field51.create();
            }
        }
    }

    /** Decodes a point as RFC 8032 5.1.3 does (rejecting y >= p, points off the curve and x = 0 with sign 1). */
    private static boolean decodePoint(byte[] bytes, int off, Affine r) {
        var y = Arrays.copyOfRange(bytes, off, off + 32);
        int sign = (y[31] & 0x80) >>> 7;
        y[31] &= 0x7F;
        if (!lessThan(y, P_BYTES)) {
            return false;
        }
        X25519Field.decode(y, r.y);
        var u = X25519Field.create();
        var v = X25519Field.create();
        X25519Field.sqr(r.y, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u);
        X25519Field.addOne(v);
        if (!X25519Field.sqrtRatioVar(u, v, r.x)) {
            return false;
        }
        X25519Field.normalize(r.x);
        if (sign == 1 && X25519Field.isZeroVar(r.x)) {
            return false;
        }
        if (sign != (r.x[0] & 1)) {
            X25519Field.negate(r.x, r.x);
            X25519Field.normalize(r.x);
        }
        X25519Field.normalize(r.y);
        return true;
    }

    private static boolean lessThan(byte[] a, byte[] b) {
        for (int i = 31; i >= 0; i--) {
            int x = a[i] & 0xFF;
            int y = b[i] & 0xFF;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    /**
     * For i in 0..31 and j in 1..128 the half-Niels form of j * 256^i * p, as one flat array of canonical
     * {@link Field51} elements, computed in Bouncy Castle's field.
     */
    private static long[] table(Affine p) {
        var table = new long[WINDOWS * ENTRIES * ENTRY_LONGS];
        var bytes = new byte[32];
        var t = new Temp();
        var base = new Extended();
        X25519Field.copy(p.x, 0, base.x, 0);
        X25519Field.copy(p.y, 0, base.y, 0);
        X25519Field.one(base.z);
        X25519Field.mul(p.x, p.y, base.t);
        var points = new Extended[ENTRIES];
        for (int j = 0; j < ENTRIES; j++) {
            points[j] = new Extended();
        }
        var prefix = new int[ENTRIES][];
        for (int j = 0; j < ENTRIES; j++) {
            prefix[j] = X25519Field.create();
        }
        var inverse = X25519Field.create();
        var zi = X25519Field.create();
        var x = X25519Field.create();
        var y = X25519Field.create();
        var e = X25519Field.create();
        for (int w = 0; w < WINDOWS; w++) {
            copy(base, points[0]);
            for (int j = 1; j < ENTRIES; j++) {
                pointAdd(points[j - 1], base, points[j], t);
            }
            X25519Field.copy(points[0].z, 0, prefix[0], 0);
            for (int j = 1; j < ENTRIES; j++) {
                X25519Field.mul(prefix[j - 1], points[j].z, prefix[j]);
            }
            X25519Field.invVar(prefix[ENTRIES - 1], inverse);
            for (int j = ENTRIES - 1; j >= 0; j--) {
                if (j > 0) {
                    X25519Field.mul(inverse, prefix[j - 1], zi);
                    X25519Field.mul(inverse, points[j].z, inverse);
                } else {
                    X25519Field.copy(inverse, 0, zi, 0);
                }
                X25519Field.mul(points[j].x, zi, x);
                X25519Field.mul(points[j].y, zi, y);
                int off = (w * ENTRIES + j) * ENTRY_LONGS;
                X25519Field.add(y, x, e);
                X25519Field.mul(e, HALF, e);
                store(e, bytes, table, off);
                X25519Field.sub(y, x, e);
                X25519Field.mul(e, HALF, e);
                store(e, bytes, table, off + SIZE);
                X25519Field.mul(x, y, e);
                X25519Field.mul(e, D, e);
                store(e, bytes, table, off + 2 * SIZE);
            }
            if (w + 1 < WINDOWS) {
                // 256 * base = 2 * (128 * base)
                var next = new Extended();
                pointAdd(points[ENTRIES - 1], points[ENTRIES - 1], next, t);
                base = next;
            }
        }
        return table;
    }

    /** Stores e (normalizing it) as a canonical {@link Field51} element at {@code table[off]}. */
    private static void store(int[] e, byte[] bytes, long[] table, int off) {
        X25519Field.normalize(e);
        X25519Field.encode(e, bytes, 0);
        Field51.decode(bytes, 0, table, off);
    }

    private static void copy(Extended p, Extended r) {
        X25519Field.copy(p.x, 0, r.x, 0);
        X25519Field.copy(p.y, 0, r.y, 0);
        X25519Field.copy(p.z, 0, r.z, 0);
        X25519Field.copy(p.t, 0, r.t, 0);
    }

    // The formulae below are Bouncy Castle's (Ed25519.pointAdd, pointAddVar, pointDouble); pointAddVar, the only one
    // on the fast path, over Field51.

    /** r = p + q (unified, extended coordinates); q must not be r. */
    private static void pointAdd(Extended p, Extended q, Extended r, Temp t) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = t.r0;
        int[] d = t.r1;
        int[] e = a;
        int[] f = c;
        int[] g = d;
        int[] h = b;
        X25519Field.apm(p.y, p.x, b, a);
        X25519Field.apm(q.y, q.x, d, c);
        X25519Field.mul(a, c, a);
        X25519Field.mul(b, d, b);
        X25519Field.mul(p.t, q.t, c);
        X25519Field.mul(c, D2, c);
        X25519Field.add(p.z, p.z, d);
        X25519Field.mul(d, q.z, d);
        X25519Field.apm(b, a, h, e);
        X25519Field.apm(d, c, g, f);
        X25519Field.mul(e, h, r.t);
        X25519Field.mul(f, g, r.z);
        X25519Field.mul(e, f, r.x);
        X25519Field.mul(h, g, r.y);
    }

    /** r = r + p (an extended point added to an extensible accumulator). */
    private static void pointAdd(Extended p, BcAccum r, Temp t) {
        var q = new Extended();
        X25519Field.copy(r.x, 0, q.x, 0);
        X25519Field.copy(r.y, 0, q.y, 0);
        X25519Field.copy(r.z, 0, q.z, 0);
        X25519Field.mul(r.u, r.v, q.t);
        var sum = new Extended();
        pointAdd(q, p, sum, t);
        X25519Field.copy(sum.x, 0, r.x, 0);
        X25519Field.copy(sum.y, 0, r.y, 0);
        X25519Field.copy(sum.z, 0, r.z, 0);
        X25519Field.copy(sum.t, 0, r.u, 0);
        X25519Field.one(r.v);
    }

    /**
     * r = r + (-1)^negate * p, p in half-Niels form at {@code table[off]} (canonical); c is scratch. Every
     * {@code mul} gets loose inputs: sums and differences of carried elements, or r.u and r.v, which such sums and
     * differences were at the end of the previous addition (or carried after the first point).
     */
    private static void pointAddVar(boolean negate, long[] table, int off, Accum r, long[] c) {
        long[] a = r.x;
        long[] b = r.y;
        long[] e = r.u;
        long[] f = a;
        long[] g = b;
        long[] h = r.v;
        long[] na;
        long[] nb;
        if (negate) {
            na = b;
            nb = a;
        } else {
            na = a;
            nb = b;
        }
        long[] nf = na;
        long[] ng = nb;
        Field51.apm(r.y, r.x, b, a);
        Field51.mul(na, table, off + SIZE, na);
        Field51.mul(nb, table, off, nb);
        Field51.mul(r.u, r.v, c);
        Field51.mul(c, table, off + 2 * SIZE, c);
        Field51.apm(b, a, h, e);
        Field51.apm(r.z, c, ng, nf);
        Field51.mul(f, g, r.z);
        Field51.mul(f, e, r.x);
        Field51.mul(g, h, r.y);
    }

    private static void pointDouble(BcAccum r) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = r.z;
        int[] e = r.u;
        int[] f = a;
        int[] g = b;
        int[] h = r.v;
        X25519Field.add(r.x, r.y, e);
        X25519Field.sqr(r.x, a);
        X25519Field.sqr(r.y, b);
        X25519Field.sqr(r.z, c);
        X25519Field.add(c, c, c);
        X25519Field.apm(a, b, h, g);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);
        X25519Field.add(c, g, f);
        X25519Field.carry(f);
        X25519Field.mul(f, g, r.z);
        X25519Field.mul(f, e, r.x);
        X25519Field.mul(g, h, r.y);
    }

    private static boolean isNeutral(BcAccum p) {
        X25519Field.normalize(p.x);
        X25519Field.normalize(p.y);
        X25519Field.normalize(p.z);
        return X25519Field.isZeroVar(p.x) && !X25519Field.isZeroVar(p.y) && X25519Field.areEqualVar(p.y, p.z);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Constants

    private static byte[] littleEndian(BigInteger value) {
        var big = value.toByteArray();
        var out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static int[] field(BigInteger value) {
        var f = X25519Field.create();
        X25519Field.decode(littleEndian(value), f);
        return f;
    }

    private static BigInteger fieldValue(int[] f) {
        var copy = X25519Field.create();
        X25519Field.copy(f, 0, copy, 0);
        X25519Field.normalize(copy);
        var bytes = new byte[32];
        X25519Field.encode(copy, bytes, 0);
        var big = new byte[32];
        for (int i = 0; i < 32; i++) {
            big[i] = bytes[31 - i];
        }
        return new BigInteger(1, big);
    }
}
