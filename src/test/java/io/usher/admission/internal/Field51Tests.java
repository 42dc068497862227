package io.usher.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Field51} against {@link BigInteger} modulo p on edge values, limbs at the largest each operation accepts,
 * random inputs and long chains of operations feeding each other, checking the limb bounds of every result too.
 */
class Field51Tests {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final long LOOSE = 1L << 53;                    // limbs of mul's inputs are below this
    private static final long CARRIED = (1L << 51) + (1L << 15);   // limbs of mul's, carry's and decode's results
    private static final long CARRY_INPUT = 1L << 62;              // limbs of carry's and normalize's inputs

    // ---------------------------------------------------------------------------------------------------------
    // Multiplication

    @Test
    void mulAgreesWithBigIntegerOnEdgeValuesAndLimbsAtTheBound() {
        var inputs = new ArrayList<long[]>();
        inputs.addAll(edgeValues());
        inputs.addAll(boundVectors(LOOSE));
        for (var x : inputs) {
            for (var y : inputs) {
                assertMul(x, y);
            }
        }
    }

    @Test
    void mulAgreesWithBigIntegerOnRandomLooseInputs() {
        var random = new Random(51);
        for (int i = 0; i < 50_000; i++) {
            assertMul(random(random, LOOSE), random(random, LOOSE));
        }
    }

    @Test
    void mulReadsTheSecondFactorAtAnOffsetAndMayOverwriteEitherFactor() {
        var random = new Random(52);
        for (int i = 0; i < 1_000; i++) {
            var x = random(random, LOOSE);
            var y = random(random, LOOSE);
            var expected = value(x).multiply(value(y)).mod(P);
            var table = new long[3 * Field51.SIZE];
            int off = random.nextInt(2 * Field51.SIZE + 1);
            System.arraycopy(y, 0, table, off, Field51.SIZE);
            var z = Field51.create();
            Field51.mul(x, table, off, z);
            assertThat(value(z).mod(P)).isEqualTo(expected);
            var xz = x.clone();
            Field51.mul(xz, y, xz);
            assertThat(xz).containsExactly(z);
            var yz = y.clone();
            Field51.mul(x, yz, yz);
            assertThat(yz).containsExactly(z);
        }
    }

    private static void assertMul(long[] x, long[] y) {
        var xBefore = x.clone();
        var yBefore = y.clone();
        var z = Field51.create();
        Field51.mul(x, y, z);
        assertThat(value(z).mod(P)).as("%s * %s", Arrays.toString(x), Arrays.toString(y))
                .isEqualTo(value(x).multiply(value(y)).mod(P));
        assertCarried(z);
        assertThat(x).containsExactly(xBefore);
        assertThat(y).containsExactly(yBefore);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Addition and subtraction

    @Test
    void addAndSubOfCarriedInputsAgreeWithBigIntegerAndAreLoose() {
        var random = new Random(53);
        var inputs = new ArrayList<long[]>();
        inputs.addAll(edgeValues());
        inputs.addAll(boundVectors(CARRIED));
        for (int i = 0; i < 200; i++) {
            inputs.add(random(random, CARRIED));
        }
        for (var x : inputs) {
            for (var y : inputs) {
                var sum = Field51.create();
                var difference = Field51.create();
                Field51.add(x, y, sum);
                Field51.sub(x, y, difference);
                assertThat(value(sum).mod(P)).isEqualTo(value(x).add(value(y)).mod(P));
                assertThat(value(difference).mod(P)).isEqualTo(value(x).subtract(value(y)).mod(P));
                assertLoose(sum);
                assertLoose(difference);
                var apmSum = x.clone();
                var apmDifference = y.clone();
                Field51.apm(apmSum, apmDifference, apmSum, apmDifference);
                assertThat(apmSum).containsExactly(sum);
                assertThat(apmDifference).containsExactly(difference);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Chains: every result feeds the next operation, as in a point addition

    @Test
    void thousandStepChainsOfMulAddAndSubStayWithinTheirBoundsAndAgreeWithBigInteger() {
        var random = new Random(54);
        var starts = new ArrayList<long[]>();
        starts.addAll(edgeValues());
        starts.addAll(boundVectors(CARRIED));
        for (int chain = 0; chain < 40; chain++) {
            var a = starts.get(chain % starts.size()).clone();
            var b = starts.get((chain * 7 + 3) % starts.size()).clone();
            if (chain >= starts.size()) {
                a = random(random, CARRIED);
                b = random(random, CARRIED);
            }
            var av = value(a).mod(P);
            var bv = value(b).mod(P);
            var sum = Field51.create();
            var difference = Field51.create();
            for (int step = 0; step < 1_000; step++) {
                // carried a, b -> loose sum and difference -> carried products, the next a and b
                Field51.apm(a, b, sum, difference);
                assertLoose(sum);
                assertLoose(difference);
                Field51.mul(sum, difference, a);
                Field51.mul(difference, b, b);
                var nextA = av.add(bv).multiply(av.subtract(bv)).mod(P);
                bv = av.subtract(bv).multiply(bv).mod(P);
                av = nextA;
                if (step % 3 == 0) {
                    // b = b^2 * 2: a product of a carried sum with itself
                    Field51.add(b, b, sum);
                    Field51.mul(sum, b, b);
                    bv = bv.multiply(bv).shiftLeft(1).mod(P);
                }
                if (av.signum() == 0 || bv.signum() == 0) {
                    // (a + b)(a - b) and (a - b) b collapse at zero; restart from values that do not
                    Field51.decode(bytes(BigInteger.valueOf(step + 2)), 0, a);
                    Field51.decode(bytes(P.subtract(BigInteger.valueOf(step + 3))), 0, b);
                    av = value(a);
                    bv = value(b);
                }
                assertCarried(a);
                assertCarried(b);
                assertThat(value(a).mod(P)).as("chain %d step %d", chain, step).isEqualTo(av);
                assertThat(value(b).mod(P)).as("chain %d step %d", chain, step).isEqualTo(bv);
            }
        }
    }

    @Test
    void thousandSquaringsOfTheLargestLooseElementAgreeWithBigInteger() {
        var x = new long[] {LOOSE - 1, LOOSE - 1, LOOSE - 1, LOOSE - 1, LOOSE - 1};
        var xv = value(x).mod(P);
        var loose = Field51.create();
        for (int step = 0; step < 1_000; step++) {
            Field51.mul(x, x, x);
            xv = xv.multiply(xv).mod(P);
            assertCarried(x);
            assertThat(value(x).mod(P)).isEqualTo(xv);
            // back up to the bound: x + 2p - 0 is loose and the same element
            Field51.sub(x, Field51.create(), loose);
            Field51.mul(loose, loose, x);
            xv = xv.multiply(xv).mod(P);
            assertThat(value(x).mod(P)).isEqualTo(xv);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reduction, encoding and decoding

    @Test
    void carryAndNormalizeKeepTheValueModuloP() {
        var random = new Random(55);
        var inputs = new ArrayList<long[]>();
        inputs.addAll(edgeValues());
        inputs.addAll(boundVectors(CARRY_INPUT));
        inputs.addAll(boundVectors(LOOSE));
        inputs.addAll(boundVectors(CARRIED));
        for (int i = 0; i < 20_000; i++) {
            inputs.add(random(random, CARRY_INPUT));
        }
        for (var x : inputs) {
            var expected = value(x).mod(P);
            var carried = x.clone();
            Field51.carry(carried);
            assertCarried(carried);
            assertThat(value(carried).mod(P)).isEqualTo(expected);
            var canonical = x.clone();
            Field51.normalize(canonical);
            assertThat(value(canonical)).as(Arrays.toString(x)).isEqualTo(expected);
            for (long limb : canonical) {
                assertThat(limb).isBetween(0L, (1L << 51) - 1);
            }
        }
    }

    @Test
    void encodeWritesTheCanonicalLittleEndianBytesOfTheValueModuloP() {
        var random = new Random(56);
        var inputs = new ArrayList<long[]>();
        inputs.addAll(edgeValues());
        inputs.addAll(boundVectors(CARRY_INPUT));
        for (int i = 0; i < 20_000; i++) {
            inputs.add(random(random, i % 2 == 0 ? LOOSE : CARRY_INPUT));
        }
        for (var x : inputs) {
            var before = x.clone();
            var out = new byte[40];
            Field51.encode(x, out, 5);
            assertThat(Arrays.copyOfRange(out, 5, 37)).isEqualTo(bytes(value(x).mod(P)));
            assertThat(x).containsExactly(before);
        }
    }

    @Test
    void decodeThenEncodeRoundTripsCanonicalEncodingsAndReducesTheOthers() {
        var random = new Random(57);
        var values = new ArrayList<BigInteger>();
        for (var v : edgeBigIntegers()) {
            values.add(v);
        }
        for (int i = 0; i < 20_000; i++) {
            values.add(i % 10 == 0 ? P.add(BigInteger.valueOf(random.nextInt(19))) : new BigInteger(255, random));
        }
        for (var v : values) {
            var encoded = bytes(v);
            var padded = new byte[35];
            System.arraycopy(encoded, 0, padded, 3, 32);
            var x = Field51.create();
            Field51.decode(padded, 3, x);
            assertCarried(x);
            assertThat(value(x)).isEqualTo(v);
            var out = new byte[32];
            Field51.encode(x, out, 0);
            assertThat(out).isEqualTo(bytes(v.mod(P)));
            if (v.compareTo(P) < 0) {
                assertThat(out).isEqualTo(encoded);
            }
            // the top bit is not part of the value (RFC 8032 keeps the sign of x there)
            var signed = encoded.clone();
            signed[31] |= (byte) 0x80;
            var y = Field51.create();
            Field51.decode(signed, 0, y);
            assertThat(y).containsExactly(x);
        }
    }

    @Test
    void decodeWritesAtAnOffsetInATable() {
        var table = new long[3 * Field51.SIZE];
        Field51.decode(bytes(P.subtract(BigInteger.ONE)), 0, table, Field51.SIZE);
        assertThat(Arrays.copyOfRange(table, 0, Field51.SIZE)).containsOnly(0L);
        assertThat(value(Arrays.copyOfRange(table, Field51.SIZE, 2 * Field51.SIZE)))
                .isEqualTo(P.subtract(BigInteger.ONE));
        assertThat(Arrays.copyOfRange(table, 2 * Field51.SIZE, 3 * Field51.SIZE)).containsOnly(0L);
    }

    @Test
    void zeroAndOneAreZeroAndOne() {
        var x = new long[] {5, 6, 7, 8, 9};
        Field51.zero(x);
        assertThat(value(x)).isEqualTo(BigInteger.ZERO);
        Field51.one(x);
        assertThat(value(x)).isEqualTo(BigInteger.ONE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Values

    /** 0, 1, 19, p - 1, p, p + 1, 2^255 - 1 and a few more, as decode gives them (limbs below 2^51). */
    private static List<long[]> edgeValues() {
        var out = new ArrayList<long[]>();
        for (var v : edgeBigIntegers()) {
            var x = Field51.create();
            Field51.decode(bytes(v), 0, x);
            out.add(x);
        }
        return out;
    }

    private static List<BigInteger> edgeBigIntegers() {
        var two255 = BigInteger.TWO.pow(255);
        return List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(19),
                BigInteger.TWO.pow(51).subtract(BigInteger.ONE), BigInteger.TWO.pow(51), BigInteger.TWO.pow(204),
                P.subtract(BigInteger.TWO), P.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE),
                two255.subtract(BigInteger.TWO), two255.subtract(BigInteger.ONE),
                P.subtract(BigInteger.ONE).shiftRight(1), P.add(BigInteger.ONE).shiftRight(1));
    }

    /** Every limb at bound - 1, then each limb alone at bound - 1 (others 0), and alternating bound - 1 and 0. */
    private static List<long[]> boundVectors(long bound) {
        long max = bound - 1;
        var out = new ArrayList<long[]>();
        out.add(new long[] {max, max, max, max, max});
        for (int i = 0; i < Field51.SIZE; i++) {
            var x = Field51.create();
            x[i] = max;
            out.add(x);
        }
        out.add(new long[] {max, 0, max, 0, max});
        out.add(new long[] {0, max, 0, max, 0});
        out.add(new long[] {max, max, max, max, 0});
        out.add(new long[] {0, max, max, max, max});
        return out;
    }

    /** Limbs in [0, bound), half of them within 2^20 of the bound. */
    private static long[] random(Random random, long bound) {
        var x = Field51.create();
        for (int i = 0; i < Field51.SIZE; i++) {
            x[i] = random.nextBoolean() ? bound - 1 - random.nextLong(1L << 20) : random.nextLong(bound);
        }
        return x;
    }

    /** Sum of limb * 2^(51 i), not reduced. */
    private static BigInteger value(long[] x) {
        var v = BigInteger.ZERO;
        for (int i = Field51.SIZE - 1; i >= 0; i--) {
            v = v.shiftLeft(51).add(BigInteger.valueOf(x[i]));
        }
        return v;
    }

    /** 32 bytes little-endian of v below 2^256. */
    private static byte[] bytes(BigInteger v) {
        var big = v.toByteArray();
        var out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static void assertCarried(long[] x) {
        for (long limb : x) {
            assertThat(limb).as(Arrays.toString(x)).isBetween(0L, CARRIED - 1);
        }
    }

    private static void assertLoose(long[] x) {
        for (long limb : x) {
            assertThat(limb).as(Arrays.toString(x)).isBetween(0L, LOOSE - 1);
        }
    }
}
