package io.usher.admission.internal;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifications per second on one thread under one event key: Bouncy Castle with a pre-decoded key (the previous
 * {@code TicketSignatures.Verifier}) against {@link Ed25519KeyVerifier}, single and batched. Run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> io.usher.admission.internal.Ed25519Throughput
 * [tokens] [rounds]}. Not a test: the numbers depend on the machine.
 */
public final class Ed25519Throughput {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var random = new Random(1);
        var keys = TicketSignatures.generate();
        var messages = new byte[count][];
        var signatures = new byte[count][];
        for (int i = 0; i < count; i++) {
            messages[i] = new byte[TicketToken.PAYLOAD_LENGTH];
            random.nextBytes(messages[i]);
            signatures[i] = TicketSignatures.sign(keys.privateKey(), messages[i]);
        }
        var reference = Ed25519.validatePublicKeyFullExport(keys.publicKey(), 0);
        long start = System.nanoTime();
        var fast = new Ed25519KeyVerifier(keys.publicKey());
        System.out.printf("tables for one key built in %.1f ms (the base point's on first use)%n",
                (System.nanoTime() - start) / 1e6);
        // The three are interleaved in blocks of 256 so that other load on the machine hits them alike; rates are
        // given by wall-clock time and by this thread's CPU time.
        var threads = ManagementFactory.getThreadMXBean();
        int block = 256;
        var blockMessages = new byte[block][];
        var blockSignatures = new byte[block][];
        var results = new boolean[block];
        for (int round = 0; round < rounds; round++) {
            long[] wall = new long[3];
            long[] cpu = new long[3];
            for (int from = 0; from + block <= count; from += block) {
                System.arraycopy(messages, from, blockMessages, 0, block);
                System.arraycopy(signatures, from, blockSignatures, 0, block);
                for (int method = 0; method < 3; method++) {
                    long wall0 = System.nanoTime();
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    int ok = 0;
                    switch (method) {
                        case 0 -> {
                            for (int i = 0; i < block; i++) {
                                ok += Ed25519.verify(blockSignatures[i], 0, reference, blockMessages[i], 0,
                                        blockMessages[i].length) ? 1 : 0;
                            }
                        }
                        case 1 -> {
                            for (int i = 0; i < block; i++) {
                                ok += fast.verify(blockMessages[i], blockSignatures[i]) ? 1 : 0;
                            }
                        }
                        default -> {
                            fast.verifyAll(blockMessages, blockSignatures, results);
                            for (boolean result : results) {
                                ok += result ? 1 : 0;
                            }
                        }
                    }
                    cpu[method] += threads.getCurrentThreadCpuTime() - cpu0;
                    wall[method] += System.nanoTime() - wall0;
                    check(ok, block);
                }
            }
            int verified = count / block * block;
            System.out.printf("round %d  wall: BC %,7.0f/s  single %,7.0f/s (%.2fx)  batch %,7.0f/s (%.2fx)"
                            + "  |  cpu: BC %,7.0f/s  single %,7.0f/s (%.2fx)  batch %,7.0f/s (%.2fx)%n", round + 1,
                    rate(verified, wall[0]), rate(verified, wall[1]), (double) wall[0] / wall[1],
                    rate(verified, wall[2]), (double) wall[0] / wall[2],
                    rate(verified, cpu[0]), rate(verified, cpu[1]), (double) cpu[0] / cpu[1],
                    rate(verified, cpu[2]), (double) cpu[0] / cpu[2]);
        }
    }

    private static double rate(int count, long nanos) {
        return count / (nanos / 1e9);
    }

    private static void check(int ok, int count) {
        if (ok != count) {
            throw new AssertionError(ok + " of " + count + " valid signatures accepted");
        }
    }
}
