package io.usher.admission.internal;

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
        var results = new boolean[count];
        for (int round = 0; round < rounds; round++) {
            // Bouncy Castle
            start = System.nanoTime();
            int ok = 0;
            for (int i = 0; i < count; i++) {
                ok += Ed25519.verify(signatures[i], 0, reference, messages[i], 0, messages[i].length) ? 1 : 0;
            }
            double bc = count / ((System.nanoTime() - start) / 1e9);
            check(ok, count);
            // this verifier, one at a time
            start = System.nanoTime();
            ok = 0;
            for (int i = 0; i < count; i++) {
                ok += fast.verify(messages[i], signatures[i]) ? 1 : 0;
            }
            double single = count / ((System.nanoTime() - start) / 1e9);
            check(ok, count);
            // this verifier, batched
            start = System.nanoTime();
            fast.verifyAll(messages, signatures, results);
            double batch = count / ((System.nanoTime() - start) / 1e9);
            ok = 0;
            for (boolean result : results) {
                ok += result ? 1 : 0;
            }
            check(ok, count);
            System.out.printf("round %d: BC %,8.0f/s  single %,8.0f/s (%.2fx)  batch %,8.0f/s (%.2fx)%n",
                    round + 1, bc, single, single / bc, batch, batch / bc);
        }
    }

    private static void check(int ok, int count) {
        if (ok != count) {
            throw new AssertionError(ok + " of " + count + " valid signatures accepted");
        }
    }
}
