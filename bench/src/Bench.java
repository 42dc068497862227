import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the benchmark drivers (OnSaleBenchmark, CheckinBenchmark, DeskBenchmark) share: their arguments, the demo
 * accounts' passwords from Usher's log, JSON over HTTP, where the CPU went (/proc), percentiles, and writing the
 * results. Found by the source launcher next to the driver (Java 22+ multi-file source programs).
 */
final class Bench {

    private static final Pattern DEMO = Pattern.compile("Demo account: (\\S+@usher\\.local) (demo-[a-z0-9]+)");
    /** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every common kernel). */
    private static final double TICKS = 100.0;

    private Bench() {
    }

    /** {@code --name value} pairs. */
    static Map<String, String> arguments(String[] argv) {
        var args = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return args;
    }

    /** Writes {@code <name>-<timestamp>.json} and {@code .md} into {@code --out} and prints the Markdown. */
    static void writeResults(Map<String, String> args, String name, String json, String markdown) throws IOException {
        var out = Path.of(args.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        var stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
        Files.writeString(out.resolve(name + "-" + stamp + ".json"), json);
        Files.writeString(out.resolve(name + "-" + stamp + ".md"), markdown);
        System.out.println(markdown);
        System.out.println("Results: " + out.resolve(name + "-" + stamp + ".json"));
    }

    /** The demo accounts' passwords, which Usher prints once in its log on the first start. */
    static Map<String, String> demoPasswords(Path usherLog) throws IOException {
        var passwords = new LinkedHashMap<String, String>();
        var matcher = DEMO.matcher(Files.readString(usherLog));
        while (matcher.find()) {
            passwords.put(matcher.group(1), matcher.group(2));
        }
        return passwords;
    }

    /** JSON requests to Usher with an optional bearer token. */
    static final class Http {

        private final String base;
        private final HttpClient client;
        private final Duration timeout;

        Http(String base, HttpClient client, Duration timeout) {
            this.base = base;
            this.client = client;
            this.timeout = timeout;
        }

        String login(String email, String password) {
            return requireField(send("POST", "/api/v1/auth/login", null,
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)), "accessToken");
        }

        HttpResponse<String> send(String method, String path, String token, String body) {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Content-Type", "application/json");
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The member's value of a 2xx answer, or an exception naming the request and the answer. */
    static String requireField(HttpResponse<String> response, String name) {
        var value = field(response.body(), name);
        if (response.statusCode() / 100 != 2 || value == null) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
                    + response.statusCode() + " " + response.body());
        }
        return value;
    }

    /** The first string or number member with this name. */
    static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(json);
        return matcher.find() ? (matcher.group(2) != null ? matcher.group(2) : matcher.group(3)) : null;
    }

    /**
     * CPU seconds used so far by Usher's JVM (and, of that, by its JIT compiler threads), PostgreSQL, this driver, and
     * the whole machine (busy and all).
     */
    record Cpu(double server, double serverCompiler, double database, double driver, double machineBusy,
            double machineTotal) {

        Cpu minus(Cpu before) {
            return new Cpu(server - before.server, serverCompiler - before.serverCompiler, database - before.database,
                    driver - before.driver, machineBusy - before.machineBusy, machineTotal - before.machineTotal);
        }

        /** The share of the server's CPU its JIT compilers took: near 0 once the server's hot code is compiled. */
        double compilerShare() {
            return server <= 0 ? 0 : serverCompiler / server;
        }
    }

    static Cpu cpu() {
        double server = 0, compiler = 0, database = 0, driver = 0;
        long self = ProcessHandle.current().pid();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    var stat = Files.readString(dir.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
                    var command = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    long pid = Long.parseLong(dir.getFileName().toString());
                    if (pid == self) {
                        driver += seconds;
                    } else if (command.contains("target/usher-") && command.contains("-jar")) {
                        server += seconds;
                        compiler += compilerSeconds(dir);
                    } else if (command.startsWith("postgres") || command.contains("/bin/postgres")) {
                        database += seconds;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            var total = Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
            double busy = 0, all = 0;
            for (int i = 1; i < total.length; i++) {
                double value = Long.parseLong(total[i]) / TICKS;
                all += value;
                if (i != 4 && i != 5) {
                    busy += value;
                }
            }
            return new Cpu(server, compiler, database, driver, busy, all);
        } catch (IOException | RuntimeException e) {
            return new Cpu(0, 0, 0, 0, 0, 0);
        }
    }

    /** CPU seconds of a JVM's JIT compiler threads (HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0"). */
    private static double compilerSeconds(Path process) throws IOException {
        double seconds = 0;
        try (var threads = Files.list(process.resolve("task"))) {
            for (var thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        var stat = Files.readString(thread.resolve("stat"));
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return seconds;
    }

    /** The percentile of sorted nanosecond timings, in milliseconds. */
    static double percentile(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    /** The one-minute load average, or -1 where /proc has none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
