package io.usher.admission.internal;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifications per second on one thread under one event key: Bouncy Castle with a pre-decoded key (the first
 * {@code TicketSignatures.Verifier}) and {@link Ed25519KeyVerifier}, single and batched. (The fixed-key verifier over
 * Bouncy Castle's field, before {@link Field51}, is {@code Ed25519KeyVerifier} at commit f2cfe6b; this harness
 * measured the Field51 one at 1.35-1.45x it, by CPU time in the same run.) Run with
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
        String[] names = {"BC", "fixed-key", "fixed-key batch"};
        for (int round = 0; round < rounds; round++) {
            long[] wall = new long[names.length];
            long[] cpu = new long[names.length];
            for (int from = 0; from + block <= count; from += block) {
                System.arraycopy(messages, from, blockMessages, 0, block);
                System.arraycopy(signatures, from, blockSignatures, 0, block);
                for (int method = 0; method < names.length; method++) {
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
                            ok += count(results);
                        }
                    }
                    cpu[method] += threads.getCurrentThreadCpuTime() - cpu0;
                    wall[method] += System.nanoTime() - wall0;
                    check(ok, block);
                }
            }
            int verified = count / block * block;
            var line = new StringBuilder("round %d".formatted(round + 1));
            for (var clock : new long[][] {wall, cpu}) {
                line.append(clock == wall ? "  wall:" : "  |  cpu:");
                for (int method = 0; method < names.length; method++) {
                    line.append("  %s %,7.0f/s".formatted(names[method], rate(verified, clock[method])));
                }
                line.append("  fixed-key/BC %.2fx".formatted((double) clock[0] / clock[1]));
            }
            System.out.println(line);
        }
    }

    private static int count(boolean[] results) {
        int ok = 0;
        for (boolean result : results) {
            ok += result ? 1 : 0;
        }
        return ok;
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
