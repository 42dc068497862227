package io.usher.admission.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Arithmetic in GF(p), p = 2^255 - 19, for {@link Ed25519KeyVerifier}'s hot path: an element is a {@code long[5]}
 * (or five longs at an offset) {@code x0 + x1 * 2^51 + x2 * 2^102 + x3 * 2^153 + x4 * 2^204}. A multiplication
 * takes 25 limb products of up to 110 bits; rather than two 64-bit multiplications each ({@code a * b} and
 * {@link Math#multiplyHigh}), it takes the low 64 bits of each coefficient from the integer multiplier and an
 * estimate of the rest from the floating-point one, which is exact after a correction (see {@link #mul}). In Java
 * 25 on x86-64 (AMD EPYC) that measured about 1.6 times as fast as Bouncy Castle's {@code X25519Field.mul} on ten
 * 25.5-bit limbs, and the {@code multiplyHigh} version only about 1.2 times, because a 64x64-to-128-bit
 * multiplication costs the integer multiplier about twice an ordinary one.
 *
 * <p>Limbs are never negative. Each operation states the limb bounds it accepts and produces, named:
 * <ul>
 * <li><b>loose</b>: every limb in [0, 2^53). What {@link #mul} accepts.
 * <li><b>carried</b>: every limb in [0, 2^51 + 2^15). What {@link #mul}, {@link #carry} and {@link #decode}
 * produce; carried is loose.
 * <li><b>canonical</b>: carried with value below p, so every limb is below 2^51 and the limbs are unique. What
 * {@link #normalize} produces.
 * </ul>
 * So {@code add} and {@code sub} of two carried elements give a loose one, which can go straight into {@code mul}
 * without a carry: {@code 2 * (2^51 + 2^15) < 2^53} and {@code (2^51 + 2^15) + (2^52 - 2) < 2^53}. The element
 * {@code sub} adds is 2p, whose limbs (2^52 - 38, then 2^52 - 2) exceed any carried limb, so the difference stays
 * non-negative; the sum of a loose element with anything is not accepted by {@code mul} and must be
 * {@linkplain #carry carried} first. Variable time: public data only.
 */
final class Field51 {

    static final int SIZE = 5;

    private static final long M51 = (1L << 51) - 1;
    private static final long TWO_P0 = (1L << 52) - 38;
    private static final long TWO_P = (1L << 52) - 2;
    private static final double TWO_TO_MINUS_51 = 0x1p-51;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private Field51() {
    }

    static long[] create() {
        return new long[SIZE];
    }

    static void zero(long[] z) {
        z[0] = 0;
        z[1] = 0;
        z[2] = 0;
        z[3] = 0;
        z[4] = 0;
    }

    static void one(long[] z) {
        z[0] = 1;
        z[1] = 0;
        z[2] = 0;
        z[3] = 0;
        z[4] = 0;
    }

    static void copy(long[] x, int xOff, long[] z, int zOff) {
        System.arraycopy(x, xOff, z, zOff, SIZE);
    }

    /** z = x + y, limb by limb; carried inputs give a loose result. z may be x or y. */
    static void add(long[] x, long[] y, long[] z) {
        z[0] = x[0] + y[0];
        z[1] = x[1] + y[1];
        z[2] = x[2] + y[2];
        z[3] = x[3] + y[3];
        z[4] = x[4] + y[4];
    }

    /** z = x - y + 2p, limb by limb; carried inputs give a loose result. z may be x or y. */
    static void sub(long[] x, long[] y, long[] z) {
        z[0] = x[0] + TWO_P0 - y[0];
        z[1] = x[1] + TWO_P - y[1];
        z[2] = x[2] + TWO_P - y[2];
        z[3] = x[3] + TWO_P - y[3];
        z[4] = x[4] + TWO_P - y[4];
    }

    /** sum = x + y and difference = x - y as {@link #add} and {@link #sub}; the outputs may be the inputs. */
    static void apm(long[] x, long[] y, long[] sum, long[] difference) {
        long x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4];
        long y0 = y[0], y1 = y[1], y2 = y[2], y3 = y[3], y4 = y[4];
        sum[0] = x0 + y0;
        sum[1] = x1 + y1;
        sum[2] = x2 + y2;
        sum[3] = x3 + y3;
        sum[4] = x4 + y4;
        difference[0] = x0 + TWO_P0 - y0;
        difference[1] = x1 + TWO_P - y1;
        difference[2] = x2 + TWO_P - y2;
        difference[3] = x3 + TWO_P - y3;
        difference[4] = x4 + TWO_P - y4;
    }

    /** z = x * y; loose inputs, carried result. z may be x or y. */
    static void mul(long[] x, long[] y, long[] z) {
        mul(x, y, 0, z);
    }

    /**
     * z = x * y with y at {@code y[yOff..yOff+4]}; loose inputs, carried result. z may be x or y.
     *
     * <p>Coefficient c_i of the product is the sum of five limb products, with 2^255 = 19 folded into the second
     * factor; with limbs below B = 2^53 the largest is c0 < (1 + 4 * 19) B^2 = 77 * 2^106 < 2^112.3. It is split
     * as c_i = h_i * 2^51 + l_i, 0 <= l_i < 2^51, without 128-bit arithmetic: the multiplier has two units, and
     * each does what it is fast at. The integer one gives c_i mod 2^64 (wrapping products and sums). The
     * floating-point one gives q_i, an estimate of c_i / 2^51 (the limbs scaled by 2^-51 and the products summed
     * in doubles, then truncated); then r_i = c_i - q_i 2^51 is small, so it is exactly (c_i mod 2^64) -
     * (q_i << 51) in 64-bit arithmetic, and h_i = q_i + (r_i >> 51), l_i = r_i & (2^51 - 1).
     *
     * <p>Why r_i is small: limbs below 2^53 are exact as doubles, 19 y_j (below 2^57.3) is rounded once, each of
     * the five products and four sums once, each by at most 2^-53 of its magnitude: products below 19 * 2^106,
     * sums below 77 * 2^106. So {@code |c_i - 2^51 q_i| < 4 * 2^57.3 + 5 * 2^57.3 + 4 * 2^59.3 + 2^51 < 2^62}, and
     * r_i, h_i, l_i are exact. Then h_i < 77 * 2^55 < 2^61.3. The result limbs l_i + h_(i-1) (h_4 times 19 into
     * limb 0, below 19 * 5 * 2^55 < 2^61.6) are carried once from limb 0 to limb 4; the last carry, at most
     * 23 * 2^4 + 2 (c3 < 23 B^2), goes times 19 into limb 0, which ends below 2^51 + 2^13.
     */
    static void mul(long[] x, long[] y, int yOff, long[] z) {
        long x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4];
        long y0 = y[yOff], y1 = y[yOff + 1], y2 = y[yOff + 2], y3 = y[yOff + 3], y4 = y[yOff + 4];
        long y1t = y1 * 19, y2t = y2 * 19, y3t = y3 * 19, y4t = y4 * 19;
        double u0 = x0 * TWO_TO_MINUS_51, u1 = x1 * TWO_TO_MINUS_51, u2 = x2 * TWO_TO_MINUS_51,
                u3 = x3 * TWO_TO_MINUS_51, u4 = x4 * TWO_TO_MINUS_51;
        double v0 = y0, v1 = y1, v2 = y2, v3 = y3, v4 = y4;
        double v1t = y1t, v2t = y2t, v3t = y3t, v4t = y4t;

        // c0 = x0 y0 + 19 (x1 y4 + x2 y3 + x3 y2 + x4 y1)
        long c0 = x0 * y0 + x1 * y4t + x2 * y3t + x3 * y2t + x4 * y1t;
        long q0 = (long) (u0 * v0 + u1 * v4t + u2 * v3t + u3 * v2t + u4 * v1t);
        long r0 = c0 - (q0 << 51);
        long l0 = r0 & M51;
        long h0 = q0 + (r0 >> 51);

        // c1 = x0 y1 + x1 y0 + 19 (x2 y4 + x3 y3 + x4 y2)
        long c1 = x0 * y1 + x1 * y0 + x2 * y4t + x3 * y3t + x4 * y2t;
        long q1 = (long) (u0 * v1 + u1 * v0 + u2 * v4t + u3 * v3t + u4 * v2t);
        long r1 = c1 - (q1 << 51);
        long l1 = r1 & M51;
        long h1 = q1 + (r1 >> 51);

        // c2 = x0 y2 + x1 y1 + x2 y0 + 19 (x3 y4 + x4 y3)
        long c2 = x0 * y2 + x1 * y1 + x2 * y0 + x3 * y4t + x4 * y3t;
        long q2 = (long) (u0 * v2 + u1 * v1 + u2 * v0 + u3 * v4t + u4 * v3t);
        long r2 = c2 - (q2 << 51);
        long l2 = r2 & M51;
        long h2 = q2 + (r2 >> 51);

        // c3 = x0 y3 + x1 y2 + x2 y1 + x3 y0 + 19 x4 y4
        long c3 = x0 * y3 + x1 * y2 + x2 * y1 + x3 * y0 + x4 * y4t;
        long q3 = (long) (u0 * v3 + u1 * v2 + u2 * v1 + u3 * v0 + u4 * v4t);
        long r3 = c3 - (q3 << 51);
        long l3 = r3 & M51;
        long h3 = q3 + (r3 >> 51);

        // c4 = x0 y4 + x1 y3 + x2 y2 + x3 y1 + x4 y0
        long c4 = x0 * y4 + x1 * y3 + x2 * y2 + x3 * y1 + x4 * y0;
        long q4 = (long) (u0 * v4 + u1 * v3 + u2 * v2 + u3 * v1 + u4 * v0);
        long r4 = c4 - (q4 << 51);
        long l4 = r4 & M51;
        long h4 = q4 + (r4 >> 51);

        long s0 = l0 + 19 * h4;
        long s1 = l1 + h0 + (s0 >>> 51);
        s0 &= M51;
        long s2 = l2 + h1 + (s1 >>> 51);
        s1 &= M51;
        long s3 = l3 + h2 + (s2 >>> 51);
        s2 &= M51;
        long s4 = l4 + h3 + (s3 >>> 51);
        s3 &= M51;
        s0 += 19 * (s4 >>> 51);
        s4 &= M51;
        z[0] = s0;
        z[1] = s1;
        z[2] = s2;
        z[3] = s3;
        z[4] = s4;
    }

    /** Reduces x in place: limbs in [0, 2^62), carried result, same value mod p. */
    static void carry(long[] x) {
        long x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4];
        x1 += x0 >>> 51;
        x0 &= M51;
        x2 += x1 >>> 51;
        x1 &= M51;
        x3 += x2 >>> 51;
        x2 &= M51;
        x4 += x3 >>> 51;
        x3 &= M51;
        x0 += 19 * (x4 >>> 51);   // below 2^51 + 19 * (2^11 + 1)
        x4 &= M51;
        x1 += x0 >>> 51;
        x0 &= M51;
        x[0] = x0;
        x[1] = x1;
        x[2] = x2;
        x[3] = x3;
        x[4] = x4;
    }

    /** Reduces x in place to its canonical form: limbs in [0, 2^62). */
    static void normalize(long[] x) {
        carry(x);
        // Limb 1 may be 2^51, the others are below it: a second pass leaves every limb below 2^51, so the value is
        // below 2^255 < 2p. (The last carry adds 19 to limb 0 only if limb 1 was 2^51 after a carry out of limb 0,
        // which left limb 0 below 2^16.)
        carry(x);
        long x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4];
        // q = 1 exactly when x >= p, that is when x + 19 reaches 2^255.
        long q = (x0 + 19) >>> 51;
        q = (x1 + q) >>> 51;
        q = (x2 + q) >>> 51;
        q = (x3 + q) >>> 51;
        q = (x4 + q) >>> 51;
        x0 += 19 * q;
        x1 += x0 >>> 51;
        x0 &= M51;
        x2 += x1 >>> 51;
        x1 &= M51;
        x3 += x2 >>> 51;
        x2 &= M51;
        x4 += x3 >>> 51;
        x3 &= M51;
        x4 &= M51;
        x[0] = x0;
        x[1] = x1;
        x[2] = x2;
        x[3] = x3;
        x[4] = x4;
    }

    /**
     * z = the low 255 bits of {@code bytes[off..off+31]} (little-endian; the top bit is ignored), limbs below 2^51:
     * carried, but not canonical for encodings of p..2^255-1, as in RFC 7748.
     */
    static void decode(byte[] bytes, int off, long[] z, int zOff) {
        long w0 = (long) LONGS.get(bytes, off);
        long w1 = (long) LONGS.get(bytes, off + 8);
        long w2 = (long) LONGS.get(bytes, off + 16);
        long w3 = (long) LONGS.get(bytes, off + 24);
        z[zOff] = w0 & M51;
        z[zOff + 1] = ((w0 >>> 51) | (w1 << 13)) & M51;
        z[zOff + 2] = ((w1 >>> 38) | (w2 << 26)) & M51;
        z[zOff + 3] = ((w2 >>> 25) | (w3 << 39)) & M51;
        z[zOff + 4] = (w3 >>> 12) & M51;
    }

    static void decode(byte[] bytes, int off, long[] z) {
        decode(bytes, off, z, 0);
    }

    /** Writes x's canonical form as 32 bytes little-endian at {@code out[off]}; limbs in [0, 2^62); x is unchanged. */
    static void encode(long[] x, byte[] out, int off) {
        var c = x.clone();
        normalize(c);
        LONGS.set(out, off, c[0] | (c[1] << 51));
        LONGS.set(out, off + 8, (c[1] >>> 13) | (c[2] << 38));
        LONGS.set(out, off + 16, (c[2] >>> 26) | (c[3] << 25));
        LONGS.set(out, off + 24, (c[3] >>> 39) | (c[4] << 12));
    }
}
