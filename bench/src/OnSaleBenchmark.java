import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The hot on-sale benchmark: many buyers holding tickets of one event at once, for each reservation strategy,
 * against one running Usher, plus that server's ceiling on a trivial authenticated GET. Only the JDK and the
 * PostgreSQL driver (for the oversell checks in SQL) are needed. Run it through bench/onsale.sh.
 */
public class OnSaleBenchmark {

    static final String[] STRATEGIES = {"row-lock", "skip-locked", "coalescing"};

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
    final Bench.Http api;

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
        api = new Bench.Http(base, http, Duration.ofSeconds(60));
    }

    public static void main(String[] argv) throws Exception {
        var args = Bench.arguments(argv);
        var bench = new OnSaleBenchmark(args);
        var report = bench.run(Path.of(args.getOrDefault("log", "usher.log")));
        Bench.writeResults(args, "onsale", report.json(), report.markdown());
    }

    Report run(Path usherLog) throws Exception {
        var passwords = Bench.demoPasswords(usherLog);
        var admin = api.login("admin@usher.local", passwords.get("admin@usher.local"));
        var organizer = api.login("organizer@usher.local", passwords.get("organizer@usher.local"));
        var organization = Bench.field(api.send("GET", "/api/v1/organizations/mine", organizer, null).body(), "id");

        Bench.log("creating %d buyer accounts", accounts);
        var tokens = Files.createTempFile("bench-tokens", ".txt");
        Files.write(tokens, createBuyers(accounts));
        Bench.log("warming up, then measuring the ceiling (GET /api/v1/me, %d connections, 15 s)", buyers);
        ceiling(tokens, Duration.ofSeconds(10));
        var ceiling = ceiling(tokens, Duration.ofSeconds(15));
        Bench.log("ceiling: %.0f requests/s", ceiling.perSecond());

        var venue = createVenue(organizer, organization);
        var results = new LinkedHashMap<String, StrategyResult>();
        var warmUp = createEvent(organizer, admin, organization, venue, "coalescing");
        Bench.log("warming up the hold path");
        wrk("holds.lua", Duration.ofSeconds(8), tokens, warmUp.id(), warmUp.generalAdmission(), warmUp.seated());
        for (var strategy : STRATEGIES) {
            var event = createEvent(organizer, admin, organization, venue, strategy);
            Bench.log("%s: %d buyers holding 1-4 tickets for up to %d s", strategy, buyers, runFor.toSeconds());
            var result = onSale(event, tokens);
            result = result.withChecks(checks(event));
            Bench.log("%s: %.0f holds/s, %.0f tickets/s, p99 %.1f ms, errors %d, oversold %d, duplicate seats %d",
                    strategy, result.holdsPerSecond(), result.ticketsPerSecond(), result.p99Ms(), result.errors(),
                    result.oversold(), result.duplicateSeats());
            results.put(strategy, result);
        }
        int probeBuyers = Math.max(1, buyers / 10);
        var probeEvent = createEvent(organizer, admin, organization, venue, "coalescing");
        Bench.log("latency probe: coalescing with %d buyers for 10 s", probeBuyers);
        var probe = wrk("holds.lua", Duration.ofSeconds(10), tokens, probeBuyers, probeEvent.id(),
                probeEvent.generalAdmission(), probeEvent.seated());
        var latencyProbe = new Probe(probeBuyers, number(probe, "requests") / 10.0, number(probe, "p50Us") / 1000.0,
                number(probe, "p95Us") / 1000.0, number(probe, "p99Us") / 1000.0);
        Bench.log("latency probe: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", latencyProbe.p50Ms(), latencyProbe.p95Ms(),
                latencyProbe.p99Ms());
        return new Report(ceiling, results, latencyProbe, this);
    }

    /** Coalescing at a tenth of the buyers: the engine's latency when the machine is not saturated. */
    record Probe(int buyers, double requestsPerSecond, double p50Ms, double p95Ms, double p99Ms) {
    }

    // ---- the on-sale run ------------------------------------------------------------------------------------

    record Event(String id, String generalAdmission, String seated, int capacity, int seats) {
    }

    StrategyResult onSale(Event event, Path tokens) throws Exception {
        var out = wrk("holds.lua", runFor, tokens, event.id(), event.generalAdmission(), event.seated());
        var window = sellingWindow(event);
        double seconds = Math.max(window[2] / 1000.0, 0.001);
        var refusals = new LinkedHashMap<String, Long>();
        var matcher = Pattern.compile("\"([a-z_.]+)\": (\\d+)").matcher(section(out, "refusals"));
        while (matcher.find()) {
            refusals.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        long errors = number(out, "failures") + number(out, "socketErrors");
        return new StrategyResult(window[0] / seconds, window[1] / seconds, number(out, "p50Us") / 1000.0,
                number(out, "p95Us") / 1000.0, number(out, "p99Us") / 1000.0, errors, 0, 0, seconds, window[0],
                window[1], number(out, "requests"), window[3] == 1, window[4] == 1, refusals);
    }

    /** {holds, tickets, selling window in ms (first to last hold), GA sold out (1/0), seats sold out (1/0)}. */
    long[] sellingWindow(Event event) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.prepareStatement("""
                        select count(*), coalesce(sum(quantity), 0),
                               coalesce(extract(epoch from max(created_at) - min(created_at)) * 1000, 0)::bigint,
                               (select (s.held + s.sold >= s.capacity)::int from inventory_stock s
                                 where s.ticket_type_id = ?::uuid),
                               (select (count(*) filter (where hold_id is null and not sold) = 0)::int
                                  from inventory_seats where ticket_type_id = ?::uuid)
                        from inventory_holds where event_id = ?::uuid and status in ('ACTIVE', 'CONFIRMED')
                        """)) {
            statement.setString(1, event.generalAdmission());
            statement.setString(2, event.seated());
            statement.setString(3, event.id());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)};
            }
        }
    }

    /** Runs wrk with one of bench/lua's scripts and returns its BENCH_JSON line. */
    String wrk(String script, Duration duration, Path tokens, String... args) throws Exception {
        return wrk(script, duration, tokens, buyers, args);
    }

    String wrk(String script, Duration duration, Path tokens, int connections, String... args) throws Exception {
        var command = new ArrayList<>(List.of("wrk", "-t", "2", "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", "30s", "-s", Path.of("bench/lua", script).toString(),
                base, "--", tokens.toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || !output.contains("BENCH_JSON")) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output.substring(output.indexOf("BENCH_JSON"));
    }

    static long number(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\": (-?\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    static String section(String json, String name) {
        int at = json.indexOf("\"" + name + "\": {");
        return at < 0 ? "" : json.substring(at, json.indexOf('}', at) + 1);
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

    Ceiling ceiling(Path tokens, Duration duration) throws Exception {
        var out = wrk("ceiling.lua", duration, tokens);
        double seconds = Double.parseDouble(out.replaceAll("(?s).*\"seconds\": ([0-9.]+).*", "$1"));
        return new Ceiling(number(out, "requests") / seconds, number(out, "p50Us") / 1000.0,
                number(out, "p99Us") / 1000.0, number(out, "failures") + number(out, "socketErrors"));
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
                        api.send("POST", "/api/v1/auth/register", null, """
                                {"email":"%s","password":"%s","displayName":"Buyer %d"}""".formatted(email, password, i));
                        tokens[i] = api.login(email, password);
                    }
                    return null;
                });
            }
        }
        return List.of(tokens);
    }

    record Venue(String id, List<String> sections) {
    }

    Venue createVenue(String organizer, String organization) {
        var response = api.send("POST", "/api/v1/venues", organizer, """
                {"organizationId":"%s","name":"Bench Arena %s","address":"1 Load Street","timezone":"Europe/Berlin",
                 "capacity":%d,"seatingPlan":{"sections":[%s]}}""".formatted(organization,
                UUID.randomUUID().toString().substring(0, 6), generalAdmission + sections * seatRows * seatsPerRow,
                sectionsJson()));
        var id = Bench.requireField(response, "id");
        var sections = new ArrayList<String>();
        var matcher = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"S\\d+\"").matcher(response.body());
        while (matcher.find()) {
            sections.add("\"" + matcher.group(1) + "\"");
        }
        if (sections.size() != this.sections) {
            throw new IllegalStateException("expected " + this.sections + " sections in " + response.body().substring(0, 300));
        }
        return new Venue(id, sections);
    }

    private String sectionsJson() {
        var parts = new ArrayList<String>();
        for (int s = 1; s <= sections; s++) {
            parts.add("{\"name\":\"S%02d\",\"rows\":{\"from\":1,\"to\":%d},\"seatsPerRow\":%d}".formatted(s, seatRows,
                    seatsPerRow));
        }
        return String.join(",", parts);
    }

    Event createEvent(String organizer, String admin, String organization, Venue venue, String strategy) {
        var starts = LocalDateTime.now().plusDays(30).withNano(0).withSecond(0);
        var event = Bench.requireField(api.send("POST", "/api/v1/events", organizer, """
                {"organizationId":"%s","title":"On-sale benchmark (%s)","description":"Load test.","category":"CONCERT",
                 "venueId":"%s","startsAt":"%s","endsAt":"%s","holdDurationMinutes":15,"maxTicketsPerBuyer":20}"""
                .formatted(organization, strategy, venue.id(), starts, starts.plusHours(3))), "id");
        var pinned = api.send("PUT", "/api/v1/admin/inventory/events/" + event + "/strategy", admin,
                "{\"strategy\":\"%s\"}".formatted(strategy));
        if (pinned.statusCode() != 204) {
            throw new IllegalStateException("could not pin the strategy: " + pinned.body());
        }
        var ga = Bench.requireField(api.send("POST", "/api/v1/events/" + event + "/ticket-types", organizer, """
                {"name":"Standing","priceMinor":4500,"currency":"EUR","capacity":%d,"minPerOrder":1,"maxPerOrder":4}"""
                .formatted(generalAdmission)), "id");
        var seated = Bench.requireField(api.send("POST", "/api/v1/events/" + event + "/ticket-types", organizer, """
                {"name":"Seated","priceMinor":7500,"currency":"EUR","sectionIds":[%s],"minPerOrder":1,
                 "maxPerOrder":4}""".formatted(String.join(",", venue.sections()))), "id");
        var published = api.send("POST", "/api/v1/events/" + event + "/publish", organizer, null);
        if (published.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not publish: " + published.body());
        }
        return new Event(event, ga, seated, generalAdmission, sections * seatRows * seatsPerRow);
    }

    static boolean remainingIsZero(String body) {
        var matcher = Pattern.compile("\"remaining\"\\s*:\\s*\\{[^}]*:\\s*0\\s*}").matcher(body);
        return matcher.find();
    }

    // ---- the report -----------------------------------------------------------------------------------------

    record Report(Ceiling ceiling, Map<String, StrategyResult> strategies, Probe probe, OnSaleBenchmark setup) {

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
            text.append("  \"latencyProbe\": {\"strategy\": \"coalescing\", \"buyers\": %d, \"requestsPerSecond\": %.1f, \"p50Ms\": %.2f, \"p95Ms\": %.2f, \"p99Ms\": %.2f},\n"
                    .formatted(probe.buyers(), probe.requestsPerSecond(), probe.p50Ms(), probe.p95Ms(), probe.p99Ms()));
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
            text.append("Latency probe (coalescing, %d buyers, 10 s, %.0f requests/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms.\n\n"
                    .formatted(probe.buyers(), probe.requestsPerSecond(), probe.p50Ms(), probe.p95Ms(), probe.p99Ms()));
            text.append("Load generator: wrk (2 threads, one connection per buyer, each request with the next buyer's "
                    + "token). Holds/s and tickets/s are counted in the database over the selling window (first to last "
                    + "hold); a wrk thread stops once it has seen both ticket types sold out. Latencies cover every "
                    + "hold request (placed or refused). Errors are transport failures and unexpected answers; "
                    + "refusals (sold out, seat taken, buyer limit) are listed in the JSON.\n");
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
