import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The hot on-sale benchmark: many buyers holding tickets of one event at once, for each reservation strategy,
 * against one running Usher, plus that server's ceiling on a trivial authenticated GET. Only the JDK and the
 * PostgreSQL driver (for the oversell checks in SQL) are needed. Run it through bench/onsale.sh.
 */
public class OnSaleBenchmark {

    static final String[] STRATEGIES = {"row-lock", "skip-locked", "coalescing"};
    static final Pattern DEMO = Pattern.compile("Demo account: (\\S+@usher\\.local) (demo-[a-z0-9]+)");

    final String base;
    final String jdbcUrl;
    final int buyers;
    final int accounts;
    final Duration runFor;
    final int generalAdmission;
    final int seatRows;
    final int seatsPerRow;
    final int sections;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    OnSaleBenchmark(Map<String, String> args) {
        base = args.getOrDefault("base", "http://127.0.0.1:18080");
        jdbcUrl = args.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:15432/postgres?user=postgres");
        buyers = Integer.parseInt(args.getOrDefault("buyers", "1000"));
        accounts = Integer.parseInt(args.getOrDefault("accounts", "8000"));
        runFor = Duration.ofSeconds(Long.parseLong(args.getOrDefault("seconds", "30")));
        generalAdmission = Integer.parseInt(args.getOrDefault("ga", "100000"));
        sections = Integer.parseInt(args.getOrDefault("sections", "20"));
        seatRows = Integer.parseInt(args.getOrDefault("rows", "25"));
        seatsPerRow = Integer.parseInt(args.getOrDefault("seats-per-row", "40"));
    }

    public static void main(String[] argv) throws Exception {
        var args = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        var bench = new OnSaleBenchmark(args);
        var report = bench.run(Path.of(args.getOrDefault("log", "usher.log")));
        var out = Path.of(args.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        var stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
        Files.writeString(out.resolve("onsale-" + stamp + ".json"), report.json());
        Files.writeString(out.resolve("onsale-" + stamp + ".md"), report.markdown());
        System.out.println(report.markdown());
        System.out.println("Results: " + out.resolve("onsale-" + stamp + ".json"));
    }

    Report run(Path usherLog) throws Exception {
        var passwords = new LinkedHashMap<String, String>();
        var matcher = DEMO.matcher(Files.readString(usherLog));
        while (matcher.find()) {
            passwords.put(matcher.group(1), matcher.group(2));
        }
        var admin = login("admin@usher.local", passwords.get("admin@usher.local"));
        var organizer = login("organizer@usher.local", passwords.get("organizer@usher.local"));
        var organization = field(send("GET", "/api/v1/organizations/mine", organizer, null).body(), "id");

        log("creating %d buyer accounts", accounts);
        var tokens = createBuyers(accounts);
        log("measuring the ceiling (GET /api/v1/me, %d concurrent, 10 s)", buyers);
        var ceiling = ceiling(tokens, Duration.ofSeconds(10));
        log("ceiling: %.0f requests/s", ceiling.perSecond());

        var venue = createVenue(organizer, organization);
        var results = new LinkedHashMap<String, StrategyResult>();
        for (var strategy : STRATEGIES) {
            var event = createEvent(organizer, admin, organization, venue, strategy);
            log("%s: %d buyers holding 1-4 tickets for up to %d s", strategy, buyers, runFor.toSeconds());
            var result = onSale(event, tokens);
            result = result.withChecks(checks(event));
            log("%s: %.0f holds/s, %.0f tickets/s, p99 %.1f ms, errors %d, oversold %d, duplicate seats %d",
                    strategy, result.holdsPerSecond(), result.ticketsPerSecond(), result.p99Ms(), result.errors(),
                    result.oversold(), result.duplicateSeats());
            results.put(strategy, result);
        }
        return new Report(ceiling, results, this);
    }

    // ---- the on-sale run ------------------------------------------------------------------------------------

    record Event(String id, String generalAdmission, String seated, int capacity, int seats) {
    }

    StrategyResult onSale(Event event, List<String> tokens) throws InterruptedException {
        var latencies = new long[buyers][];
        var counts = new int[buyers];
        var holds = new LongAdder();
        var tickets = new LongAdder();
        var refusals = new ConcurrentHashMap<String, LongAdder>();
        var errors = new LongAdder();
        var nextAccount = new AtomicInteger();
        var gaSoldOut = new AtomicBoolean();
        var seatsSoldOut = new AtomicBoolean();
        var start = new CountDownLatch(1);
        var deadline = new AtomicLong();
        var finishedAt = new AtomicLong();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < buyers; b++) {
                int slot = b;
                latencies[slot] = new long[4096];
                pool.submit(() -> {
                    start.await();
                    var random = ThreadLocalRandom.current();
                    int account = nextAccount.getAndIncrement() % tokens.size();
                    int heldByAccount = 0;
                    while (System.nanoTime() < deadline.get() && !(gaSoldOut.get() && seatsSoldOut.get())) {
                        int quantity = 1 + random.nextInt(4);
                        if (heldByAccount + quantity > 20) {
                            account = nextAccount.getAndIncrement() % tokens.size();
                            heldByAccount = 0;
                        }
                        boolean seated = seatsSoldOut.get() ? false : gaSoldOut.get() || random.nextInt(5) == 0;
                        var body = seated
                                ? "{\"eventId\":\"%s\",\"ticketTypeId\":\"%s\",\"quantity\":%d,\"bestAvailable\":true}"
                                        .formatted(event.id(), event.seated(), quantity)
                                : "{\"eventId\":\"%s\",\"items\":[{\"ticketTypeId\":\"%s\",\"quantity\":%d}]}"
                                        .formatted(event.id(), event.generalAdmission(), quantity);
                        long began = System.nanoTime();
                        HttpResponse<String> response;
                        try {
                            response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/holds"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + tokens.get(account))
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            errors.increment();
                            continue;
                        }
                        long took = System.nanoTime() - began;
                        if (counts[slot] == latencies[slot].length) {
                            latencies[slot] = Arrays.copyOf(latencies[slot], counts[slot] * 2);
                        }
                        latencies[slot][counts[slot]++] = took;
                        if (response.statusCode() == 201) {
                            holds.increment();
                            tickets.add(quantity);
                            heldByAccount += quantity;
                        } else {
                            var code = field(response.body(), "code");
                            refusals.computeIfAbsent(code == null ? "http_" + response.statusCode() : code,
                                    k -> new LongAdder()).increment();
                            if ("inventory.sold_out".equals(code) || "inventory.not_enough".equals(code)) {
                                if (remainingIsZero(response.body())) {
                                    (seated ? seatsSoldOut : gaSoldOut).set(true);
                                }
                            } else if ("inventory.buyer_limit".equals(code)) {
                                heldByAccount = 20;
                            } else if (!"inventory.seat_taken".equals(code)) {
                                errors.increment();
                            }
                        }
                    }
                    finishedAt.accumulateAndGet(System.nanoTime(), Math::max);
                    return null;
                });
            }
            long began = System.nanoTime();
            deadline.set(began + runFor.toNanos());
            start.countDown();
            pool.shutdown();
            pool.awaitTermination(runFor.toSeconds() + 120, java.util.concurrent.TimeUnit.SECONDS);
            double seconds = (finishedAt.get() - began) / 1e9;
            var all = new ArrayList<Long>();
            for (int b = 0; b < buyers; b++) {
                for (int i = 0; i < counts[b]; i++) {
                    all.add(latencies[b][i]);
                }
            }
            var sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            var refusalCounts = new LinkedHashMap<String, Long>();
            refusals.forEach((code, count) -> refusalCounts.put(code, count.sum()));
            return new StrategyResult(holds.sum() / seconds, tickets.sum() / seconds, percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), errors.sum(), 0, 0, seconds, holds.sum(),
                    tickets.sum(), sorted.length, gaSoldOut.get(), seatsSoldOut.get(), refusalCounts);
        }
    }

    record StrategyResult(double holdsPerSecond, double ticketsPerSecond, double p50Ms, double p95Ms, double p99Ms,
            long errors, long oversold, long duplicateSeats, double seconds, long holds, long tickets, long requests,
            boolean generalAdmissionSoldOut, boolean seatsSoldOut, Map<String, Long> refusals) {

        StrategyResult withChecks(long[] checks) {
            return new StrategyResult(holdsPerSecond, ticketsPerSecond, p50Ms, p95Ms, p99Ms, errors, checks[0],
                    checks[1], seconds, holds, tickets, requests, generalAdmissionSoldOut, seatsSoldOut, refusals);
        }
    }

    /** {oversold, duplicate seats}, straight from the database. */
    long[] checks(Event event) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl)) {
            long oversold;
            try (var statement = connection.prepareStatement("""
                    select greatest(0, coalesce(sum(i.quantity), 0) - max(s.capacity))
                    from inventory_stock s
                    left join inventory_hold_items i on i.ticket_type_id = s.ticket_type_id
                    left join inventory_holds h on h.id = i.hold_id and h.status in ('ACTIVE', 'CONFIRMED')
                    where s.ticket_type_id = ?::uuid and (i.hold_id is null or h.id is not null)
                    """)) {
                statement.setString(1, event.generalAdmission());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    oversold = rows.getLong(1);
                }
            }
            long duplicates;
            try (var statement = connection.prepareStatement("""
                    select count(*) from (
                        select hs.seat_id from inventory_hold_seats hs join inventory_holds h on h.id = hs.hold_id
                        where h.event_id = ?::uuid and h.status in ('ACTIVE', 'CONFIRMED')
                        group by hs.seat_id having count(*) > 1) twice
                    """)) {
                statement.setString(1, event.id());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    duplicates = rows.getLong(1);
                }
            }
            return new long[] {oversold, duplicates};
        }
    }

    // ---- the ceiling ----------------------------------------------------------------------------------------

    record Ceiling(double perSecond, double p50Ms, double p99Ms, long errors) {
    }

    Ceiling ceiling(List<String> tokens, Duration duration) throws InterruptedException {
        var done = new LongAdder();
        var errors = new LongAdder();
        var latencies = new ConcurrentHashMap<Integer, long[]>();
        var counts = new int[buyers];
        var start = new CountDownLatch(1);
        long[] window = new long[2];
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int b = 0; b < buyers; b++) {
                int slot = b;
                pool.submit(() -> {
                    var mine = new long[8192];
                    var token = tokens.get(slot % tokens.size());
                    start.await();
                    while (System.nanoTime() < window[1]) {
                        long began = System.nanoTime();
                        try {
                            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                                    .header("Authorization", "Bearer " + token).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                errors.increment();
                                continue;
                            }
                        } catch (IOException e) {
                            errors.increment();
                            continue;
                        }
                        if (counts[slot] == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[counts[slot]++] = System.nanoTime() - began;
                        done.increment();
                    }
                    latencies.put(slot, Arrays.copyOf(mine, counts[slot]));
                    return null;
                });
            }
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            start.countDown();
        }
        var sorted = latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Ceiling(done.sum() / (duration.toNanos() / 1e9), percentile(sorted, 50), percentile(sorted, 99),
                errors.sum());
    }

    // ---- setup through the public API -----------------------------------------------------------------------

    List<String> createBuyers(int count) throws InterruptedException {
        var tokens = new String[count];
        var run = UUID.randomUUID().toString().substring(0, 8);
        var next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 64; w++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        var email = "buyer-" + run + "-" + i + "@bench.test";
                        var password = "bench passphrase " + i;
                        send("POST", "/api/v1/auth/register", null, """
                                {"email":"%s","password":"%s","displayName":"Buyer %d"}""".formatted(email, password, i));
                        tokens[i] = login(email, password);
                    }
                    return null;
                });
            }
        }
        return List.of(tokens);
    }

    String createVenue(String organizer, String organization) {
        var response = send("POST", "/api/v1/venues", organizer, """
                {"organizationId":"%s","name":"Bench Arena %s","address":"1 Load Street","timezone":"Europe/Berlin",
                 "capacity":%d,"seatingPlan":{"sections":[%s]}}""".formatted(organization,
                UUID.randomUUID().toString().substring(0, 6), generalAdmission + sections * seatRows * seatsPerRow,
                sectionsJson()));
        return requireField(response, "id");
    }

    private String sectionsJson() {
        var parts = new ArrayList<String>();
        for (int s = 1; s <= sections; s++) {
            parts.add("{\"name\":\"S%02d\",\"rows\":{\"from\":1,\"to\":%d},\"seatsPerRow\":%d}".formatted(s, seatRows,
                    seatsPerRow));
        }
        return String.join(",", parts);
    }

    Event createEvent(String organizer, String admin, String organization, String venue, String strategy) {
        var starts = LocalDateTime.now().plusDays(30).withNano(0).withSecond(0);
        var event = requireField(send("POST", "/api/v1/events", organizer, """
                {"organizationId":"%s","title":"On-sale benchmark (%s)","description":"Load test.","category":"CONCERT",
                 "venueId":"%s","startsAt":"%s","endsAt":"%s","holdDurationMinutes":15,"maxTicketsPerBuyer":20}"""
                .formatted(organization, strategy, venue, starts, starts.plusHours(3))), "id");
        var pinned = send("PUT", "/api/v1/admin/inventory/events/" + event + "/strategy", admin,
                "{\"strategy\":\"%s\"}".formatted(strategy));
        if (pinned.statusCode() != 204) {
            throw new IllegalStateException("could not pin the strategy: " + pinned.body());
        }
        var ga = requireField(send("POST", "/api/v1/events/" + event + "/ticket-types", organizer, """
                {"name":"Standing","priceMinor":4500,"currency":"EUR","capacity":%d,"minPerOrder":1,"maxPerOrder":4}"""
                .formatted(generalAdmission)), "id");
        var sectionNames = new ArrayList<String>();
        for (int s = 1; s <= sections; s++) {
            sectionNames.add("\"S%02d\"".formatted(s));
        }
        var seated = requireField(send("POST", "/api/v1/events/" + event + "/ticket-types", organizer, """
                {"name":"Seated","priceMinor":7500,"currency":"EUR","seated":true,"sections":[%s],"minPerOrder":1,
                 "maxPerOrder":4}""".formatted(String.join(",", sectionNames))), "id");
        var published = send("POST", "/api/v1/events/" + event + "/publish", organizer, "{}");
        if (published.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not publish: " + published.body());
        }
        return new Event(event, ga, seated, generalAdmission, sections * seatRows * seatsPerRow);
    }

    String login(String email, String password) {
        var response = send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
        return requireField(response, "accessToken");
    }

    HttpResponse<String> send(String method, String path, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String requireField(HttpResponse<String> response, String name) {
        var value = field(response.body(), name);
        if (response.statusCode() / 100 != 2 || value == null) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
                    + response.statusCode() + " " + response.body());
        }
        return value;
    }

    /** The first string or number member with this name (the API's JSON is flat where it matters here). */
    static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(json);
        return matcher.find() ? (matcher.group(2) != null ? matcher.group(2) : matcher.group(3)) : null;
    }

    static boolean remainingIsZero(String body) {
        var matcher = Pattern.compile("\"remaining\"\\s*:\\s*\\{[^}]*:\\s*0\\s*}").matcher(body);
        return matcher.find();
    }

    static double percentile(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    // ---- the report -----------------------------------------------------------------------------------------

    record Report(Ceiling ceiling, Map<String, StrategyResult> strategies, OnSaleBenchmark setup) {

        String json() {
            var text = new StringBuilder("{\n");
            text.append("  \"benchmark\": \"onsale\",\n");
            text.append("  \"timestamp\": \"%s\",\n".formatted(java.time.Instant.now()));
            text.append("  \"machine\": {\"cores\": %d, \"java\": \"%s\"},\n".formatted(
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
            text.append("  \"setup\": {\"buyers\": %d, \"accounts\": %d, \"seconds\": %d, \"generalAdmission\": %d, \"seats\": %d},\n"
                    .formatted(setup.buyers, setup.accounts, setup.runFor.toSeconds(), setup.generalAdmission,
                            setup.sections * setup.seatRows * setup.seatsPerRow));
            text.append("  \"ceilingRequestsPerSecond\": %.1f,\n".formatted(ceiling.perSecond()));
            text.append("  \"ceiling\": {\"p50Ms\": %.2f, \"p99Ms\": %.2f, \"errors\": %d},\n".formatted(ceiling.p50Ms(),
                    ceiling.p99Ms(), ceiling.errors()));
            text.append("  \"strategies\": {\n");
            var entries = new ArrayList<String>();
            strategies.forEach((name, r) -> entries.add("""
                        "%s": {"holdsPerSecond": %.1f, "ticketsPerSecond": %.1f, "p50Ms": %.2f, "p95Ms": %.2f, "p99Ms": %.2f, \
                    "errors": %d, "oversold": %d, "duplicateSeats": %d, "seconds": %.2f, "holds": %d, "tickets": %d, \
                    "requests": %d, "generalAdmissionSoldOut": %b, "seatsSoldOut": %b, "refusals": %s}"""
                    .formatted(name, r.holdsPerSecond(), r.ticketsPerSecond(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors(),
                            r.oversold(), r.duplicateSeats(), r.seconds(), r.holds(), r.tickets(), r.requests(),
                            r.generalAdmissionSoldOut(), r.seatsSoldOut(), jsonMap(r.refusals()))));
            text.append(String.join(",\n", entries)).append("\n  },\n");
            var coalescing = strategies.get("coalescing");
            text.append("  \"ratios\": {\"coalescingOverRowLock\": %.2f, \"coalescingOverSkipLocked\": %.2f, \"coalescingOverCeiling\": %.3f}\n"
                    .formatted(ratio(coalescing, strategies.get("row-lock")), ratio(coalescing, strategies.get("skip-locked")),
                            coalescing.holdsPerSecond() / ceiling.perSecond()));
            return text.append("}\n").toString();
        }

        String markdown() {
            var text = new StringBuilder("# On-sale benchmark\n\n");
            text.append("%s · %d cores · Java %s · %d concurrent buyers · %d s per strategy or until sold out · "
                    .formatted(java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
                            System.getProperty("java.version"), setup.buyers, setup.runFor.toSeconds()));
            text.append("%,d general-admission tickets and %,d seats per strategy; load generator on the same machine.\n\n"
                    .formatted(setup.generalAdmission, setup.sections * setup.seatRows * setup.seatsPerRow));
            text.append("Ceiling (GET /api/v1/me, authenticated): **%.0f requests/s** (p50 %.1f ms, p99 %.1f ms)\n\n"
                    .formatted(ceiling.perSecond(), ceiling.p50Ms(), ceiling.p99Ms()));
            text.append("| strategy | holds/s | tickets/s | p50 ms | p95 ms | p99 ms | errors | oversold | duplicate seats | sold out in |\n");
            text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            strategies.forEach((name, r) -> text.append("| %s | %.0f | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %s |\n"
                    .formatted(name, r.holdsPerSecond(), r.ticketsPerSecond(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors(),
                            r.oversold(), r.duplicateSeats(), r.generalAdmissionSoldOut() && r.seatsSoldOut()
                                    ? "%.1f s".formatted(r.seconds()) : "not sold out")));
            var coalescing = strategies.get("coalescing");
            text.append("\nRatios: coalescing / row-lock = **%.1f×**, coalescing / skip-locked = **%.1f×**, "
                    .formatted(ratio(coalescing, strategies.get("row-lock")), ratio(coalescing, strategies.get("skip-locked"))));
            text.append("coalescing / ceiling = **%.0f%%**.\n\n".formatted(100 * coalescing.holdsPerSecond() / ceiling.perSecond()));
            text.append("Latencies cover every hold request (placed or refused). Errors count transport failures and "
                    + "unexpected answers; refusals (sold out, seat taken, buyer limit) are listed in the JSON.\n");
            return text.toString();
        }

        static double ratio(StrategyResult a, StrategyResult b) {
            return b.holdsPerSecond() == 0 ? 0 : a.holdsPerSecond() / b.holdsPerSecond();
        }

        static String jsonMap(Map<String, Long> map) {
            var parts = new ArrayList<String>();
            map.forEach((key, value) -> parts.add("\"%s\": %d".formatted(key, value)));
            return "{" + String.join(", ", parts) + "}";
        }
    }
}
