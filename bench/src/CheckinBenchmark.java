import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The door benchmark: one event with many distinct paid tickets, a crowd of door devices scanning them all at once
 * through POST /api/v1/checkins (each ticket once, plus some re-scans that must be refused), then a check in SQL
 * that no ticket was admitted twice; and offline verification of the tickets' signatures on one core with the
 * project's verifier, against the JDK's Ed25519. Run it through bench/checkin.sh.
 *
 * <p>Setup shortcut, bench only: the tickets are inserted straight into admission_tickets (as if a paid order had
 * issued them; no order or payment rows exist). Their QR tokens are then signed by Usher itself, fetched as their
 * buyer through GET /api/v1/me/tickets, so every token scanned is one the app issued.
 */
public class CheckinBenchmark {

    static final Pattern TICKET = Pattern.compile("\"id\":\"([0-9a-f-]{36})\".*?\"qrToken\":\"(U1\\.[A-Za-z0-9_-]+)\"");
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    final String base;
    final String jdbcUrl;
    final int tickets;
    final int warmupTickets;
    final int warmupRounds;
    final double settledShare;
    final int devices;
    final double rescanFraction;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final Bench.Http api;

    CheckinBenchmark(Map<String, String> args) {
        base = args.getOrDefault("base", "http://127.0.0.1:18080");
        jdbcUrl = args.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:15432/postgres?user=postgres");
        tickets = Integer.parseInt(args.getOrDefault("tickets", "20000"));
        warmupTickets = Integer.parseInt(args.getOrDefault("warmup-tickets", Integer.toString(Math.min(10_000, tickets))));
        warmupRounds = Integer.parseInt(args.getOrDefault("warmup-rounds", "10"));
        settledShare = Double.parseDouble(args.getOrDefault("settled", "0.05"));
        devices = Integer.parseInt(args.getOrDefault("devices", "50"));
        rescanFraction = Double.parseDouble(args.getOrDefault("rescans", "0.05"));
        api = new Bench.Http(base, http, Duration.ofSeconds(60));
    }

    public static void main(String[] argv) throws Throwable {
        var args = Bench.arguments(argv);
        var bench = new CheckinBenchmark(args);
        var report = bench.run(Path.of(args.getOrDefault("log", "usher.log")));
        Bench.writeResults(args, "checkin", report.json(), report.markdown());
    }

    Report run(Path usherLog) throws Throwable {
        var passwords = Bench.demoPasswords(usherLog);
        var admin = api.login("admin@usher.local", passwords.get("admin@usher.local"));
        var organizer = api.login("organizer@usher.local", passwords.get("organizer@usher.local"));
        var organization = Bench.field(api.send("GET", "/api/v1/organizations/mine", organizer, null).body(), "id");
        var door = doorStaff(admin, organizer, organization);

        // The measured event first: its setup (20,000 tokens signed for GET /me/tickets) runs code the scans share,
        // and the JIT must not be recompiling that while the scans are timed.
        Bench.log("setting up %,d tickets", tickets);
        var event = setUp(organizer, organization, tickets, "measured");
        var warmUp = warmUp(organizer, organization, door);
        var loadBefore = Bench.loadAverage();
        Bench.log("%d devices scanning %,d tickets, plus %.0f%% re-scans", devices, tickets, rescanFraction * 100);
        var cpuBefore = Bench.cpu();
        var scans = scan(event, door, rescanFraction);
        var cpu = Bench.cpu().minus(cpuBefore);
        var loadAfter = Bench.loadAverage();
        Bench.log("CPU per scan: server %.2f ms, PostgreSQL %.2f ms, driver %.2f ms; machine busy %.0f%% (%.1f of %.1f "
                + "core-seconds, others included)", 1000 * cpu.server() / scans.scans(),
                1000 * cpu.database() / scans.scans(), 1000 * cpu.driver() / scans.scans(),
                100 * cpu.machineBusy() / Math.max(cpu.machineTotal(), 0.001), cpu.machineBusy(), cpu.machineTotal());
        var checks = checks(event.id());
        Bench.log("%.0f scans/s, p50 %.1f ms, p99 %.1f ms; admitted %d, refused as already checked in %d, errors %d, "
                + "double admissions %d", scans.perSecond(), scans.p50Ms(), scans.p99Ms(), scans.admitted(),
                scans.alreadyCheckedIn(), scans.errors(), checks.doubleAdmissions() + scans.doubleAdmissions());

        Bench.log("offline verification of %,d tokens on one thread", event.tokens().size());
        var publicKey = Base64.getUrlDecoder().decode(Bench.requireField(api.send("GET",
                "/api/v1/events/" + event.id() + "/checkin-manifest", organizer, null), "publicKey"));
        var offline = offline(publicKey, event.tokens());
        Bench.log("offline: %.0f verifies/s with TicketSignatures.Verifier, %.0f/s with the JDK (%.1f×)",
                offline.verifierPerSecond(), offline.jdkPerSecond(), offline.verifierPerSecond() / offline.jdkPerSecond());
        return new Report(this, warmUp, scans, checks, offline, loadBefore, loadAfter, cpu);
    }

    /** One warm-up round: its throughput, and the share of the server's CPU its JIT compilers took meanwhile. */
    record WarmUpRound(int tickets, double perSecond, double compilerShare) {
    }

    /**
     * Warms the server up until its JIT compilers are done with the check-in path, so the run measures the throughput
     * a door server has once it has been scanning for a minute, not the first seconds after a start. Rounds of
     * {@code warmupTickets} fresh tickets (another event each, with the same re-scans) are scanned until the compiler threads
     * took at most {@code settledShare} of the server's CPU in a round, or {@code warmupRounds} rounds ran.
     */
    List<WarmUpRound> warmUp(String organizer, String organization, String door) throws Exception {
        var rounds = new ArrayList<WarmUpRound>();
        while (warmupTickets > 0 && rounds.size() < warmupRounds) {
            var round = setUp(organizer, organization, warmupTickets, "warm-up " + (rounds.size() + 1));
            var before = Bench.cpu();
            var scans = scan(round, door, rescanFraction);
            var cpu = Bench.cpu().minus(before);
            rounds.add(new WarmUpRound(warmupTickets, scans.perSecond(), cpu.compilerShare()));
            Bench.log("warm-up round %d: %,d tickets, %.0f scans/s, JIT compilers took %.0f%% of the server's CPU",
                    rounds.size(), warmupTickets, scans.perSecond(), 100 * cpu.compilerShare());
            if (cpu.compilerShare() <= settledShare) {
                break;
            }
        }
        return rounds;
    }

    boolean settled(List<WarmUpRound> rounds) {
        return !rounds.isEmpty() && rounds.getLast().compilerShare() <= settledShare;
    }

    // ---- setup ------------------------------------------------------------------------------------------------

    record Event(String id, List<String> ticketIds, List<String> tokens) {
    }

    /** A published event, {@code count} tickets of one buyer inserted for it, and their tokens as Usher signs them. */
    Event setUp(String organizer, String organization, int count, String label) throws Exception {
        var starts = LocalDateTime.now().plusDays(1).withNano(0).withSecond(0);
        var event = Bench.requireField(api.send("POST", "/api/v1/events", organizer, """
                {"organizationId":"%s","title":"Check-in benchmark (%s) %s","description":"Load test.",
                 "category":"CONCERT","location":"Bench Hall","timezone":"Europe/Berlin","startsAt":"%s",
                 "endsAt":"%s"}""".formatted(organization, label, UUID.randomUUID().toString().substring(0, 6), starts,
                starts.plusHours(3))), "id");
        var type = Bench.requireField(api.send("POST", "/api/v1/events/" + event + "/ticket-types", organizer, """
                {"name":"Standing","priceMinor":4500,"currency":"EUR","capacity":%d,"minPerOrder":1,"maxPerOrder":10}"""
                .formatted(Math.max(count, 1))), "id");
        var published = api.send("POST", "/api/v1/events/" + event + "/publish", organizer, null);
        if (published.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not publish: " + published.body());
        }
        var email = "door-buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
        api.send("POST", "/api/v1/auth/register", null, """
                {"email":"%s","password":"bench passphrase 1","displayName":"Bench Buyer"}""".formatted(email));
        var buyer = api.login(email, "bench passphrase 1");
        var buyerId = Bench.requireField(api.send("GET", "/api/v1/me", buyer, null), "id");
        insertTickets(event, type, buyerId, email, count);
        var response = api.send("GET", "/api/v1/me/tickets", buyer, null);
        var ids = new ArrayList<String>(count);
        var tokens = new ArrayList<String>(count);
        var matcher = TICKET.matcher(response.body());
        while (matcher.find()) {
            ids.add(matcher.group(1));
            tokens.add(matcher.group(2));
        }
        if (tokens.size() != count) {
            throw new IllegalStateException("expected " + count + " tokens, got " + tokens.size() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return new Event(event, ids, tokens);
    }

    /** Bench only: the rows a paid order's issuance would write, in batches, with distinct random codes. */
    void insertTickets(String event, String type, String buyer, String email, int count) throws Exception {
        var random = new SecureRandom();
        var codes = new HashSet<String>();
        var now = Timestamp.from(Instant.now());
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var insert = connection.prepareStatement("""
                        insert into admission_tickets (id, code, event_id, order_id, position, buyer_id, buyer_name,
                            buyer_email, ticket_type_id, ticket_type_name, holder_name, version, status, issued_at,
                            updated_at)
                        values (?, ?, ?::uuid, ?, ?, ?::uuid, 'Bench Buyer', ?, ?::uuid, 'Standing', ?, 1, 'VALID', ?, ?)
                        """)) {
            connection.setAutoCommit(false);
            UUID order = null;
            for (int i = 0; i < count; i++) {
                if (i % 10 == 0) {
                    order = UUID.randomUUID();
                }
                String code;
                do {
                    var chars = new char[10];
                    for (int c = 0; c < chars.length; c++) {
                        chars[c] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    }
                    code = new String(chars);
                } while (!codes.add(code));
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, code);
                insert.setString(3, event);
                insert.setObject(4, order);
                insert.setInt(5, i % 10);
                insert.setString(6, buyer);
                insert.setString(7, email);
                insert.setString(8, type);
                insert.setString(9, "Guest " + i);
                insert.setTimestamp(10, now);
                insert.setTimestamp(11, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** A DOOR_STAFF account of the organization, as an organizer would add one; returns its access token. */
    String doorStaff(String admin, String organizer, String organization) {
        var email = "door-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
        var password = "bench passphrase door";
        var user = Bench.requireField(api.send("POST", "/api/v1/auth/register", null, """
                {"email":"%s","password":"%s","displayName":"Door"}""".formatted(email, password)), "id");
        var granted = api.send("PATCH", "/api/v1/admin/users/" + user, admin, "{\"roles\":[\"DOOR_STAFF\"]}");
        if (granted.statusCode() != 200) {
            throw new IllegalStateException("could not grant DOOR_STAFF: " + granted.body());
        }
        var added = api.send("POST", "/api/v1/organizations/" + organization + "/members", organizer,
                "{\"email\":\"%s\"}".formatted(email));
        if (added.statusCode() != 200) {
            throw new IllegalStateException("could not add door staff: " + added.body());
        }
        return api.login(email, password);
    }

    // ---- the scan run -----------------------------------------------------------------------------------------

    record Scans(int devices, int scans, double seconds, double perSecond, double p50Ms, double p95Ms, double p99Ms,
            double maxMs, long admitted, long alreadyCheckedIn, long errors, long doubleAdmissions,
            Map<String, Long> unexpected) {
    }

    /** Every ticket once plus {@code rescans} × tickets re-scans of random ones, shuffled, over the devices. */
    Scans scan(Event event, String door, double rescans) throws Exception {
        var random = new Random(42);
        var work = new ArrayList<Integer>();
        for (int i = 0; i < event.tokens().size(); i++) {
            work.add(i);
        }
        int extra = (int) Math.round(event.tokens().size() * rescans);
        for (int i = 0; i < extra; i++) {
            work.add(random.nextInt(event.tokens().size()));
        }
        Collections.shuffle(work, random);
        var latencies = new long[work.size()];
        var next = new AtomicInteger();
        var admitted = new AtomicLong();
        var already = new AtomicLong();
        var errors = new AtomicLong();
        ConcurrentMap<String, Boolean> admittedTickets = new ConcurrentHashMap<>();
        var twice = new AtomicLong();
        var unexpected = new ConcurrentHashMap<String, Long>();
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int d = 0; d < devices; d++) {
            var gate = "Gate " + (d % 8 + 1);
            var device = "bench-device-" + d;
            threads.add(Thread.ofPlatform().name(device).start(() -> {
                try (var connection = new Device(URI.create(base))) {
                    start.await();
                    int i;
                    while ((i = next.getAndIncrement()) < work.size()) {
                        int ticket = work.get(i);
                        var body = """
                                {"eventId":"%s","qrToken":"%s","gate":"%s","device":"%s"}""".formatted(event.id(),
                                event.tokens().get(ticket), gate, device);
                        long began = System.nanoTime();
                        Device.Reply response;
                        try {
                            response = connection.post("/api/v1/checkins", door, body);
                        } catch (IOException | RuntimeException e) {
                            // not retried: a scan the server may have handled must not be sent twice
                            latencies[i] = System.nanoTime() - began;
                            connection.close();
                            errors.incrementAndGet();
                            unexpected.merge("transport: " + e.getMessage(), 1L, Long::sum);
                            continue;
                        }
                        latencies[i] = System.nanoTime() - began;
                        if (response.status() == 200) {
                            admitted.incrementAndGet();
                            if (admittedTickets.putIfAbsent(Bench.field(response.body(), "ticketId"), true) != null) {
                                twice.incrementAndGet();
                            }
                        } else if (response.status() == 409 && "admission.already_checked_in".equals(
                                Bench.field(response.body(), "code"))) {
                            already.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            unexpected.merge(response.status() + " " + Bench.field(response.body(), "code"), 1L, Long::sum);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Arrays.sort(latencies);
        return new Scans(devices, work.size(), seconds, work.size() / seconds, Bench.percentile(latencies, 50),
                Bench.percentile(latencies, 95), Bench.percentile(latencies, 99), latencies[latencies.length - 1] / 1e6,
                admitted.get(), already.get(), errors.get(), twice.get(), new LinkedHashMap<>(unexpected));
    }

    /**
     * One door device's connection: HTTP/1.1 with keep-alive over a plain socket. Much cheaper per request than
     * java.net.http, so the load generator leaves the cores (shared with the server) to the server.
     */
    static final class Device implements AutoCloseable {

        record Reply(int status, String body) {
        }

        private final String host;
        private final int port;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;
        int reconnects;

        Device(URI base) {
            this.host = base.getHost();
            this.port = base.getPort();
        }

        Reply post(String path, String token, String json) throws IOException {
            var body = json.getBytes(StandardCharsets.UTF_8);
            var head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            if (socket == null) {
                connect();
            }
            out.write(head);
            out.write(body);
            out.flush();
            return read();
        }

        private void connect() throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
            reconnects++;
        }

        private Reply read() throws IOException {
            var status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while (!(header = line()).isEmpty()) {
                var lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            var body = new ByteArrayOutputStream();
            if (chunked) {
                int size;
                while ((size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Reply(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var text = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            if (c == -1 && text.isEmpty()) {
                throw new IOException("connection closed");
            }
            return text.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    record Checks(long ticketsAdmitted, long ticketsNotAdmitted, long doubleAdmissions, long admittedScansLogged,
            long refusedScansLogged) {
    }

    /** Straight from the database: each ticket admitted once, and once only in the scan log. */
    Checks checks(String event) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.prepareStatement("""
                        select (select count(*) from admission_tickets where event_id = ?::uuid
                                   and checked_in_at is not null),
                               (select count(*) from admission_tickets where event_id = ?::uuid
                                   and checked_in_at is null),
                               (select count(*) from (select ticket_id from admission_scans
                                   where event_id = ?::uuid and result = 'ADMITTED'
                                   group by ticket_id having count(*) > 1) twice),
                               (select count(*) from admission_scans where event_id = ?::uuid and result = 'ADMITTED'),
                               (select count(*) from admission_scans where event_id = ?::uuid and result <> 'ADMITTED')
                        """)) {
            for (int i = 1; i <= 5; i++) {
                statement.setString(i, event);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new Checks(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
            }
        }
    }

    // ---- offline verification ---------------------------------------------------------------------------------

    record Offline(int tokens, double verifierPerSecond, double jdkPerSecond, long verifierFailures,
            long jdkFailures, double batchPerSecond, long batchFailures) {
    }

    /**
     * Single-threaded signature checks of every token, as a door device does offline: the project's verifier
     * (io.usher.admission.internal.TicketSignatures.Verifier, package-private, so reached by reflection through a
     * method handle: new Verifier(publicKey).verify(message, signature)) and the JDK's Signature("Ed25519").
     * Each runs three untimed passes to warm up, then timed passes for at least three seconds. The verifier is also
     * timed in its batch form (every token in one call, one field inversion per 64), as for an uploaded batch.
     */
    Offline offline(byte[] publicKey, List<String> tokens) throws Throwable {
        var messages = new byte[tokens.size()][];
        var signatures = new byte[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            var bytes = Base64.getUrlDecoder().decode(tokens.get(i).substring(3));
            messages[i] = Arrays.copyOfRange(bytes, 0, 37);
            signatures[i] = Arrays.copyOfRange(bytes, 37, 101);
        }
        var verifierClass = Class.forName("io.usher.admission.internal.TicketSignatures$Verifier");
        var lookup = MethodHandles.privateLookupIn(verifierClass, MethodHandles.lookup());
        MethodHandle constructor = lookup.findConstructor(verifierClass, MethodType.methodType(void.class, byte[].class));
        MethodHandle verify = lookup.findVirtual(verifierClass, "verify",
                MethodType.methodType(boolean.class, byte[].class, byte[].class));
        var verifier = constructor.invoke(publicKey);
        Verify usher = (message, signature) -> (boolean) verify.invoke(verifier, message, signature);

        var spki = HexFormat.of().parseHex("302a300506032b6570032100");
        var encoded = Arrays.copyOf(spki, spki.length + 32);
        System.arraycopy(publicKey, 0, encoded, spki.length, 32);
        var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        var jdkSignature = Signature.getInstance("Ed25519");
        // initialized once: after verify() a Signature is ready for the next message under the same key
        jdkSignature.initVerify(key);
        Verify jdk = (message, signature) -> {
            jdkSignature.update(message);
            return jdkSignature.verify(signature);
        };
        MethodHandle verifyAll = lookup.findVirtual(verifierClass, "verifyAll",
                MethodType.methodType(void.class, byte[][].class, byte[][].class, boolean[].class));
        var usherRate = rate(usher, messages, signatures);
        var batchRate = batchRate(results -> verifyAll.invoke(verifier, messages, signatures, results), messages.length);
        var jdkRate = rate(jdk, messages, signatures);
        return new Offline(tokens.size(), usherRate[0], jdkRate[0], (long) usherRate[1], (long) jdkRate[1],
                batchRate[0], (long) batchRate[1]);
    }

    @FunctionalInterface
    interface Verify {
        boolean verify(byte[] message, byte[] signature) throws Throwable;
    }

    @FunctionalInterface
    interface VerifyAll {
        void verifyAll(boolean[] results) throws Throwable;
    }

    /** The batch form (all tokens in one call, as an uploaded batch): {verifies per second, failures}. */
    static double[] batchRate(VerifyAll verifyAll, int count) throws Throwable {
        var results = new boolean[count];
        for (int warm = 0; warm < 3; warm++) {
            verifyAll.verifyAll(results);
        }
        long failures = 0;
        long done = 0;
        long began = System.nanoTime();
        do {
            verifyAll.verifyAll(results);
            for (var ok : results) {
                if (!ok) {
                    failures++;
                }
            }
            done += count;
        } while (System.nanoTime() - began < 3_000_000_000L);
        return new double[] {done / ((System.nanoTime() - began) / 1e9), failures};
    }

    /** {verifies per second, failures in the timed passes}; three untimed passes first, so the JIT is done. */
    static double[] rate(Verify verify, byte[][] messages, byte[][] signatures) throws Throwable {
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < messages.length; i++) {
                verify.verify(messages[i], signatures[i]);
            }
        }
        long failures = 0;
        long done = 0;
        long began = System.nanoTime();
        do {
            for (int i = 0; i < messages.length; i++) {
                if (!verify.verify(messages[i], signatures[i])) {
                    failures++;
                }
            }
            done += messages.length;
        } while (System.nanoTime() - began < 3_000_000_000L);
        return new double[] {done / ((System.nanoTime() - began) / 1e9), failures};
    }

    // ---- where the CPU goes -------------------------------------------------------------------------------------

    // ---- HTTP and helpers -------------------------------------------------------------------------------------

    // ---- the report -------------------------------------------------------------------------------------------

    record Report(CheckinBenchmark setup, List<WarmUpRound> warmUp, Scans scans, Checks checks, Offline offline, double loadBefore,
            double loadAfter, Bench.Cpu cpu) {

        double perScanMs(double seconds) {
            return 1000 * seconds / Math.max(1, scans.scans());
        }

        long doubleAdmissions() {
            return checks.doubleAdmissions() + scans.doubleAdmissions()
                    + Math.max(0, checks.admittedScansLogged() - checks.ticketsAdmitted());
        }

        boolean allAdmitted() {
            return checks.ticketsAdmitted() == setup.tickets && checks.ticketsNotAdmitted() == 0;
        }

        String json() {
            var unexpected = new ArrayList<String>();
            scans.unexpected().forEach((k, v) -> unexpected.add("\"%s\": %d".formatted(k, v)));
            return """
                    {
                      "benchmark": "checkin",
                      "timestamp": "%s",
                      "machine": {"cores": %d, "java": "%s", "loadAverageBefore": %.2f, "loadAverageAfter": %.2f},
                      "setup": {"tickets": %d, "devices": %d, "rescanFraction": %.3f, "warmupTicketsPerRound": %d, "warmupMaxRounds": %d, "settledCompilerShare": %.3f},
                      "warmUp": {"settled": %s, "rounds": [%s]},
                      "scansPerSecond": %.1f,
                      "compilerShareDuringScans": %.4f,
                      "latencyMs": {"p50": %.2f, "p95": %.2f, "p99": %.2f, "max": %.2f},
                      "scans": %d,
                      "seconds": %.2f,
                      "admitted": %d,
                      "refusedAlreadyCheckedIn": %d,
                      "errors": %d,
                      "unexpected": {%s},
                      "doubleAdmissions": %d,
                      "ticketsAdmittedInDatabase": %d,
                      "ticketsNotAdmittedInDatabase": %d,
                      "cpuMsPerScan": {"server": %.3f, "postgres": %.3f, "driver": %.3f},
                      "machineDuringScans": {"busyPercent": %.1f, "coreSecondsBusy": %.2f, "coreSecondsTotal": %.2f},
                      "offlineVerifiesPerSecond": %.1f,
                      "offline": {"tokens": %d, "verifier": "io.usher.admission.internal.TicketSignatures.Verifier", "verifierPerSecond": %.1f, "batchPerSecond": %.1f, "jdkEd25519PerSecond": %.1f, "verifierOverJdk": %.2f, "failures": %d},
                      "targets": {"scansPerSecond": 2000, "doubleAdmissions": 0, "offlineVerifiesPerSecond": 50000}
                    }
                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadBefore, loadAfter, setup.tickets, setup.devices,
                    setup.rescanFraction, setup.warmupTickets, setup.warmupRounds, setup.settledShare,
                    setup.settled(warmUp), String.join(", ", warmUp.stream().map(r -> """
                            {"tickets": %d, "scansPerSecond": %.1f, "compilerShare": %.4f}""".formatted(r.tickets(),
                            r.perSecond(), r.compilerShare())).toList()), scans.perSecond(), cpu.compilerShare(),
                    scans.p50Ms(), scans.p95Ms(), scans.p99Ms(), scans.maxMs(), scans.scans(), scans.seconds(),
                    scans.admitted(),
                    scans.alreadyCheckedIn(), scans.errors(), String.join(", ", unexpected), doubleAdmissions(),
                    checks.ticketsAdmitted(), checks.ticketsNotAdmitted(), perScanMs(cpu.server()),
                    perScanMs(cpu.database()), perScanMs(cpu.driver()),
                    100 * cpu.machineBusy() / Math.max(cpu.machineTotal(), 0.001), cpu.machineBusy(),
                    cpu.machineTotal(), offline.verifierPerSecond(), offline.tokens(), offline.verifierPerSecond(), offline.batchPerSecond(), offline.jdkPerSecond(),
                    offline.verifierPerSecond() / offline.jdkPerSecond(),
                    offline.verifierFailures() + offline.jdkFailures() + offline.batchFailures());
        }

        String markdown() {
            return """
                    # Check-in benchmark

                    %s · %d cores · Java %s · load average %.2f before the scans, %.2f after · load generator and \
                    PostgreSQL on the same machine.

                    %,d tickets of one event, scanned by %d door devices at once through `POST /api/v1/checkins` \
                    (QR tokens), each ticket once plus %.0f%% re-scans of random tickets. Each device is a thread \
                    with one keep-alive HTTP/1.1 connection.

                    Measured in steady state, as a door server runs once it has been scanning for a minute: first, \
                    rounds of %,d fresh tickets (another event each) are scanned until the server's JIT compiler \
                    threads take at most %.0f%% of its CPU in a round. %s

                    | warm-up round | scans/s | JIT compilers' share of the server's CPU |
                    | ---: | ---: | ---: |
                    %s

                    | | result | target |
                    | --- | ---: | ---: |
                    | scans/s | **%.0f** | ≥ 2,000 |
                    | JIT compilers' share of the server's CPU during the scans | %.1f%% | |
                    | latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms | |
                    | admitted (HTTP 200) | %,d | %,d |
                    | refused as already checked in (409) | %,d | %,d |
                    | other errors | %,d | 0 |
                    | double admissions | **%d** | 0 |
                    | tickets admitted in the database | %,d of %,d | all |
                    | CPU per scan: server JVM / PostgreSQL / this driver | %.2f / %.2f / %.2f ms | |
                    | machine busy during the scans (all processes, others' too) | %.0f%% | |
                    | offline verifies/s, one thread (TicketSignatures.Verifier) | **%.0f** | ≥ 50,000 |
                    | offline verifies/s, one thread, batch form (all tokens in one call) | %.0f | |
                    | offline verifies/s, one thread (JDK Signature("Ed25519")) | %.0f | |
                    | Verifier / JDK | %.1f× | |

                    Double admissions add up: tickets with more than one ADMITTED scan in `admission_scans`, tickets \
                    that two HTTP answers both admitted, and ADMITTED scans beyond the admitted tickets. The tickets \
                    are inserted into `admission_tickets` for the benchmark (no orders behind them); their tokens are \
                    signed by Usher and fetched through `GET /api/v1/me/tickets`. Offline: each token's 37-byte \
                    payload and 64-byte signature checked with the manifest's public key, after three warm-up passes; \
                    signature failures in the timed passes: %d.
                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadBefore, loadAfter, setup.tickets, setup.devices,
                    setup.rescanFraction * 100, setup.warmupTickets, 100 * setup.settledShare,
                    setup.settled(warmUp) ? "It settled after " + warmUp.size() + " round(s)."
                            : "**It had not settled after " + warmUp.size() + " round(s)**: the scans ran partly "
                                    + "on code still being compiled.",
                    String.join("\n", IntStream.range(0, warmUp.size()).mapToObj(i -> "| %d | %.0f | %.1f%% |"
                            .formatted(i + 1, warmUp.get(i).perSecond(), 100 * warmUp.get(i).compilerShare())).toList()),
                    scans.perSecond(), 100 * cpu.compilerShare(), scans.p50Ms(), scans.p95Ms(),
                    scans.p99Ms(), scans.maxMs(), scans.admitted(), (long) setup.tickets, scans.alreadyCheckedIn(),
                    scans.scans() - (long) setup.tickets, scans.errors(), doubleAdmissions(), checks.ticketsAdmitted(),
                    (long) setup.tickets, perScanMs(cpu.server()), perScanMs(cpu.database()), perScanMs(cpu.driver()),
                    100 * cpu.machineBusy() / Math.max(cpu.machineTotal(), 0.001), offline.verifierPerSecond(),
                    offline.batchPerSecond(), offline.jdkPerSecond(),
                    offline.verifierPerSecond() / offline.jdkPerSecond(),
                    offline.verifierFailures() + offline.jdkFailures() + offline.batchFailures());
        }
    }
}
