import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk benchmark: a support organization with queues and agents made through the API, then (bench only) a
 * million tickets with their SLA events and five million comments generated in the database with set-based SQL;
 * then the agent views "mine", "unassigned in my queues" and "breaching soon" (50 rows) and a ticket page (the
 * ticket, its comments and its timeline) measured through the HTTP API as agents, one request at a time, next to
 * the views' SQL alone over JDBC and its EXPLAIN (ANALYZE, BUFFERS). Run it through bench/desk.sh.
 */
public class DeskBenchmark {

    static final String PASSWORD = "bench passphrase desk";
    static final List<String> SUBJECTS = List.of("Cannot download my tickets", "Refund for a cancelled event",
            "Charged twice for one order", "Wrong name on the ticket", "QR code does not scan at the door",
            "Seat change request", "Password reset e-mail never arrives", "Invoice needed for my company",
            "Event postponed: what happens to my tickets?", "Transfer tickets to a friend",
            "Wheelchair-accessible seating", "Payment failed but money was taken", "Group booking discount",
            "Cannot sign in after changing my e-mail", "Tickets not in my account", "Parking at the venue",
            "Lost my phone with the tickets", "VAT receipt for the order", "Discount code not accepted",
            "Duplicate account merge");
    static final List<String> BODIES = List.of(
            "Thanks for getting in touch. We are looking into this and will get back to you shortly.",
            "I still cannot see the tickets in my account; the page shows an error after signing in.",
            "Checked the payment provider: the second charge was only authorised and will drop off.",
            "Could you send a screenshot of the message you see? That helps us find the cause quickly.",
            "Internal: customer has three orders for the same event, one refunded already.",
            "The new tickets are in your account now; the old QR codes no longer work.",
            "That worked, thank you very much for the quick help!",
            "Escalated to the payments team, they usually answer within a working day.");

    final String base;
    final String jdbcUrl;
    final int tickets;
    final long comments;
    final int queues;
    final int agentsPerQueue;
    final int requesters;
    final int requests;
    final int warmup;
    final int measuredAgents;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final Bench.Http api;

    DeskBenchmark(Map<String, String> args) {
        base = args.getOrDefault("base", "http://127.0.0.1:18082");
        jdbcUrl = args.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:15434/postgres?user=postgres");
        tickets = Integer.parseInt(args.getOrDefault("tickets", "1000000"));
        comments = Long.parseLong(args.getOrDefault("comments", Long.toString(5L * tickets)));
        queues = Integer.parseInt(args.getOrDefault("queues", "50"));
        agentsPerQueue = Integer.parseInt(args.getOrDefault("agents-per-queue", "10"));
        requesters = Integer.parseInt(args.getOrDefault("requesters", "1000"));
        requests = Integer.parseInt(args.getOrDefault("requests", "300"));
        warmup = Integer.parseInt(args.getOrDefault("warmup", "100"));
        measuredAgents = Integer.parseInt(args.getOrDefault("measured-agents", "20"));
        api = new Bench.Http(base, http, Duration.ofSeconds(120));
    }

    public static void main(String[] argv) throws Exception {
        var args = Bench.arguments(argv);
        var bench = new DeskBenchmark(args);
        var report = bench.run(Path.of(args.getOrDefault("log", "usher.log")));
        Bench.writeResults(args, "desk", report.json(), report.markdown());
    }

    Report run(Path usherLog) throws Exception {
        var passwords = Bench.demoPasswords(usherLog);
        var admin = api.login("admin@usher.local", passwords.get("admin@usher.local"));
        var manager = api.login("manager@usher.local", passwords.get("manager@usher.local"));
        var managerId = Bench.requireField(api.send("GET", "/api/v1/me", manager, null), "id");
        var organization = Bench.requireField(api.send("GET", "/api/v1/organizations/mine", manager, null), "id");

        var setupStarted = System.nanoTime();
        Bench.log("creating %d agents and %d requesters through the API", queues * agentsPerQueue, requesters);
        var agents = parallel(queues * agentsPerQueue, i -> agent(admin, i));
        // one at a time: the organization is one aggregate, and concurrent member additions collide on it
        for (var agent : agents) {
            var added = api.send("POST", "/api/v1/organizations/" + organization + "/members", manager,
                    "{\"email\":\"%s\"}".formatted(agent.email()));
            if (added.statusCode() != 200) {
                throw new IllegalStateException("could not add the agent: " + added.body());
            }
        }
        var requesterIds = parallel(requesters, i -> register("requester-" + i + "-" + suffix() + "@bench.test",
                "Requester " + i));
        var calendar = Bench.requireField(api.send("POST", "/api/v1/desk/admin/calendars", admin, """
                {"name":"Bench 24/7 %s","timezone":"UTC","alwaysOpen":true}""".formatted(suffix())), "id");
        var queueIds = new ArrayList<String>();
        var categoryIds = new ArrayList<String>();
        for (int q = 0; q < queues; q++) {
            // each queue: its own agents, who get its tickets, and the next queue's agents, who help out
            var members = new ArrayList<String>();
            for (int k = 0; k < agentsPerQueue; k++) {
                members.add(agents.get(q * agentsPerQueue + k).id());
            }
            for (int k = 0; k < agentsPerQueue && queues > 1; k++) {
                members.add(agents.get(((q + 1) % queues) * agentsPerQueue + k).id());
            }
            var queue = Bench.requireField(api.send("POST", "/api/v1/desk/admin/queues", admin, """
                    {"organizationId":"%s","name":"Bench queue %02d %s","calendarId":"%s","managers":["%s"],
                     "agents":[%s]}""".formatted(organization, q, suffix(), calendar, managerId,
                    String.join(",", members.stream().map(m -> "\"" + m + "\"").toList()))), "id");
            queueIds.add(queue);
            categoryIds.add(Bench.requireField(api.send("POST", "/api/v1/desk/admin/categories", admin, """
                    {"name":"Bench category %02d %s","defaultQueueId":"%s"}""".formatted(q, suffix(), queue)), "id"));
        }
        var setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
        Bench.log("set up through the API in %.1f s", setupSeconds);

        var generation = generate(queueIds, categoryIds, agents.stream().map(Agent::id).toList(), requesterIds);

        // the measured agents: spread over the queues, each working two queues
        var measured = new ArrayList<Signed>();
        for (int i = 0; i < Math.min(measuredAgents, agents.size()); i++) {
            var agent = agents.get((int) ((long) i * agents.size() / Math.min(measuredAgents, agents.size())));
            measured.add(new Signed(agent, api.login(agent.email(), PASSWORD), queuesOf(agent.id())));
        }
        var loadBefore = Bench.loadAverage();
        var cpuBefore = Bench.cpu();
        var views = new LinkedHashMap<String, Timing>();
        var sql = new LinkedHashMap<String, Timing>();
        var plans = new LinkedHashMap<String, String>();
        for (var view : List.of("mine", "unassigned", "breaching")) {
            Bench.log("view %s: %d warm-up and %d measured requests as %d agents", view, warmup, requests, measured.size());
            views.put(view, measureView(measured, view, ""));
            sql.put(view, measureSql(measured, view, null));
            plans.put(view, explain(measured.getFirst(), view, null));
        }
        Bench.log("extra: the all view, and text filters (a common word, a rare number)");
        views.put("all", measureView(measured, "all", ""));
        views.put("all?q=refund", measureView(measured, "all", "q=refund"));
        sql.put("all?q=refund", measureSql(measured, "all", "%refund%"));
        plans.put("all?q=refund", explain(measured.getFirst(), "all", "%refund%"));
        var rare = rareNumber(measured.getFirst());
        views.put("all?q=" + rare, measureView(measured, "all", "q=" + rare));
        sql.put("all?q=" + rare, measureSql(measured, "all", "%" + rare + "%"));
        plans.put("all?q=" + rare, explain(measured.getFirst(), "all", "%" + rare + "%"));

        Bench.log("ticket page: GET ticket, comments and timeline of tickets with 5 comments");
        var page = measureTicketPage(measured);
        var cpu = Bench.cpu().minus(cpuBefore);
        var loadAfter = Bench.loadAverage();
        return new Report(this, generation, setupSeconds, views, sql, plans, page, loadBefore, loadAfter, cpu);
    }

    // ---- setup through the API ---------------------------------------------------------------------------------

    record Agent(String id, String email) {
    }

    /** An AGENT account (to be added to the support organization). */
    Agent agent(String admin, int index) {
        var email = "agent-" + index + "-" + suffix() + "@bench.test";
        var id = register(email, "Agent " + index);
        var granted = api.send("PATCH", "/api/v1/admin/users/" + id, admin, "{\"roles\":[\"AGENT\"]}");
        if (granted.statusCode() != 200) {
            throw new IllegalStateException("could not grant AGENT: " + granted.body());
        }
        return new Agent(id, email);
    }

    String register(String email, String name) {
        return Bench.requireField(api.send("POST", "/api/v1/auth/register", null, """
                {"email":"%s","password":"%s","displayName":"%s"}""".formatted(email, PASSWORD, name)), "id");
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    static <T> List<T> parallel(int count, Task<T> task) throws Exception {
        var tasks = new ArrayList<Callable<T>>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(() -> task.run(index));
        }
        var results = new ArrayList<T>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
        }
        return results;
    }

    // ---- generation in the database ----------------------------------------------------------------------------

    record Generation(long tickets, long comments, long slaEvents, double seconds, Map<String, Double> steps) {
    }

    /**
     * Bench only: tickets, SLA events and comments written straight into the desk's tables with set-based SQL, as
     * the application would have written them (the SLA monitor's timer rows are left out: it is not measured).
     * Secondary indexes are dropped for the load and rebuilt after it from their own definitions, foreign keys are
     * not checked row by row (session_replication_role = replica; the rows are consistent by construction).
     */
    Generation generate(List<String> queueIds, List<String> categoryIds, List<String> agentIds,
            List<String> requesterIds) throws SQLException {
        var steps = new LinkedHashMap<String, Double>();
        var started = System.nanoTime();
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            db.setAutoCommit(true);
            execute(db, "set session_replication_role = replica");
            execute(db, "set synchronous_commit = off");
            execute(db, "set maintenance_work_mem = '512MB'");
            execute(db, "set work_mem = '64MB'");
            execute(db, "drop table if exists bench_params");
            try (var params = db.prepareStatement("""
                    create temp table bench_params as
                    select cast(? as uuid[]) as queues, cast(? as uuid[]) as categories, cast(? as uuid[]) as agents,
                           cast(? as uuid[]) as requesters, cast(? as text[]) as subjects, cast(? as text[]) as bodies
                    """)) {
                params.setArray(1, db.createArrayOf("uuid", queueIds.toArray()));
                params.setArray(2, db.createArrayOf("uuid", categoryIds.toArray()));
                params.setArray(3, db.createArrayOf("uuid", agentIds.toArray()));
                params.setArray(4, db.createArrayOf("uuid", requesterIds.toArray()));
                params.setArray(5, db.createArrayOf("text", SUBJECTS.toArray()));
                params.setArray(6, db.createArrayOf("text", BODIES.toArray()));
                params.execute();
            }
            var indexes = new LinkedHashMap<String, String>();
            try (var rows = db.createStatement().executeQuery("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid in ('desk_tickets'::regclass, 'desk_comments'::regclass,
                                         'desk_sla_events'::regclass)
                      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                    """)) {
                while (rows.next()) {
                    indexes.put(rows.getString(1), rows.getString(2));
                }
            }
            for (var index : indexes.keySet()) {
                execute(db, "drop index " + index);
            }
            Bench.log("generating %,d tickets over %d queues", tickets, queueIds.size());
            step(steps, "tickets", () -> execute(db, TICKETS.formatted(agentsPerQueue, agentsPerQueue, tickets - 1)));
            step(steps, "counters", () -> execute(db, """
                    insert into desk_ticket_counters (year, last_value)
                    select 2020 + i / 999999, max(i %% 999999 + 1) from generate_series(0, %d) i group by 1
                    on conflict (year) do update set last_value = greatest(desk_ticket_counters.last_value,
                        excluded.last_value)""".formatted(tickets - 1)));
            Bench.log("generating SLA events");
            step(steps, "slaEvents", () -> {
                execute(db, SLA_STARTS);
                execute(db, SLA_ENDS);
            });
            long perTicket = Math.max(0, Math.round((double) comments / tickets));
            Bench.log("generating about %,d comments (0 to %d per ticket, %d on average)", comments, 2 * perTicket,
                    perTicket);
            step(steps, "comments", () -> execute(db, COMMENTS.formatted(2 * perTicket + 1)));
            Bench.log("building %d indexes", indexes.size());
            step(steps, "indexes", () -> {
                execute(db, "set max_parallel_maintenance_workers = 2");
                for (var definition : indexes.values()) {
                    execute(db, definition);
                }
            });
            Bench.log("vacuum and analyze");
            step(steps, "vacuumAnalyze", () -> {
                execute(db, "vacuum (analyze) desk_tickets");
                execute(db, "vacuum (analyze) desk_sla_events");
                execute(db, "vacuum (analyze) desk_comments");
            });
            execute(db, "set session_replication_role = origin");
            long ticketCount = count(db, "select count(*) from desk_tickets");
            long commentCount = count(db, "select count(*) from desk_comments");
            long eventCount = count(db, "select count(*) from desk_sla_events");
            var seconds = (System.nanoTime() - started) / 1e9;
            Bench.log("generated %,d tickets, %,d comments, %,d SLA events in %.0f s (%s)", ticketCount, commentCount,
                    eventCount, seconds, steps);
            return new Generation(ticketCount, commentCount, eventCount, seconds, steps);
        }
    }

    /** Tickets: status, priority, assignee, due times drawn per row; running timers due around now, some past. */
    static final String TICKETS = """
            insert into desk_tickets (id, number, requester_id, subject, description, category_id, queue_id, priority,
                status, resolution, assignee_id, assignee_accepted_at, first_response_due, resolution_due, created_at,
                updated_at, resolved_at, last_activity_at)
            select md5('bench-ticket-' || g.i)::uuid,
                   'TKT-' || (2020 + g.i / 999999) || '-' || lpad((g.i %% 999999 + 1)::text, 6, '0'),
                   p.requesters[1 + floor(r.u5 * cardinality(p.requesters))::int],
                   p.subjects[1 + floor(r.u6 * cardinality(p.subjects))::int]
                       || case when r.u7 < 0.4 then ' (order ' || (100000 + floor(r.u7 * 2000000))::int || ')' else '' end,
                   'Benchmark ticket ' || g.i || '. The customer explains the problem in a few sentences here.',
                   p.categories[1 + s.q], p.queues[1 + s.q], s.priority, s.status,
                   case when s.status in ('RESOLVED', 'CLOSED') then 'Answered in the benchmark data.' end,
                   case when k.unassigned then null else p.agents[1 + s.q * %d + floor(r.u4 * %d)::int] end,
                   case when not k.unassigned then c.created + interval '10 minutes' end,
                   case when s.status = 'NEW' then c.created + k.fr * interval '1 minute' end,
                   case when k.running then c.created + k.res * interval '1 minute' end,
                   c.created, coalesce(c.resolved, c.created), c.resolved, coalesce(c.resolved, c.created)
            from generate_series(0, %d) g(i)
            cross join bench_params p
            cross join lateral (select random() u1, random() u2, random() u3, random() u4, random() u5, random() u6,
                random() u7, random() u8, g.i offset 0) r
            cross join lateral (select g.i %% cardinality(p.queues) as q,
                case when r.u1 < 0.55 then 'CLOSED' when r.u1 < 0.75 then 'RESOLVED' when r.u1 < 0.85 then 'IN_PROGRESS'
                     when r.u1 < 0.91 then 'OPEN' when r.u1 < 0.95 then 'NEW' when r.u1 < 0.99 then 'ON_HOLD'
                     else 'REOPENED' end as status,
                case when r.u2 < 0.30 then 'LOW' when r.u2 < 0.75 then 'MEDIUM' when r.u2 < 0.95 then 'HIGH'
                     else 'CRITICAL' end as priority
                offset 0) s
            cross join lateral (select
                case s.priority when 'LOW' then 1440 when 'MEDIUM' then 480 when 'HIGH' then 120 else 30 end as fr,
                case s.priority when 'LOW' then 2400 when 'MEDIUM' then 1440 when 'HIGH' then 480 else 240 end as res,
                s.status in ('NEW', 'OPEN', 'IN_PROGRESS', 'REOPENED') as running,
                case when s.status = 'NEW' then r.u8 < 0.5 when s.status in ('RESOLVED', 'CLOSED') then false
                     else r.u8 < 0.08 end as unassigned) k
            cross join lateral (select
                case when k.running then now() - r.u3 * k.res * 1.2 * interval '1 minute'
                     when s.status = 'ON_HOLD' then now() - interval '1 hour' - r.u3 * interval '14 days'
                     when s.status = 'RESOLVED' then now() - r.u4 * interval '60 hours' - interval '1 hour'
                         - r.u3 * interval '10 days'
                     else now() - interval '3 days' - r.u3 * interval '362 days' end as created,
                case when s.status = 'RESOLVED' then now() - r.u4 * interval '60 hours'
                     when s.status = 'CLOSED' then now() - interval '3 days' - r.u3 * interval '362 days'
                         + interval '1 hour' + r.u4 * interval '2 days' end as resolved) c
            """;

    /** Both timers started with the priority's targets, on a 24/7 calendar: due = created + target. */
    static final String SLA_STARTS = """
            insert into desk_sla_events (ticket_id, target, type, at, consumed_seconds, target_minutes, due, reason,
                explanation)
            select t.id, x.target, 'START', t.created_at, 0, x.minutes, t.created_at + x.minutes * interval '1 minute',
                   t.priority, 'Started with ' || x.minutes || ' business minutes (' || t.priority
                       || ') on calendar open around the clock UTC (benchmark data).'
            from desk_tickets t
            cross join lateral (values
                ('FIRST_RESPONSE', case t.priority when 'LOW' then 1440 when 'MEDIUM' then 480 when 'HIGH' then 120
                                   else 30 end),
                ('RESOLUTION', case t.priority when 'LOW' then 2400 when 'MEDIUM' then 1440 when 'HIGH' then 480
                               else 240 end)) x(target, minutes)
            """;

    /** First response met by a reply (except NEW), resolution met (resolved, closed) or paused (on hold). */
    static final String SLA_ENDS = """
            insert into desk_sla_events (ticket_id, target, type, at, consumed_seconds, target_minutes, due, reason,
                explanation)
            select e.ticket_id, e.target, x.type, x.at, greatest(0, extract(epoch from x.at - e.at))::bigint,
                   e.target_minutes, null, x.reason, x.type || ' (benchmark data).'
            from desk_sla_events e
            join desk_tickets t on t.id = e.ticket_id
            cross join lateral (select
                case when e.target = 'FIRST_RESPONSE' then 'MET' when t.status = 'ON_HOLD' then 'PAUSE' else 'MET' end
                    as type,
                case when e.target = 'FIRST_RESPONSE'
                         then least(coalesce(t.resolved_at, now()), e.at + e.target_minutes * interval '30 seconds')
                     when t.status = 'ON_HOLD' then e.at + (now() - e.at) / 2
                     else t.resolved_at end as at,
                case when e.target = 'FIRST_RESPONSE' then 'first public reply' else t.status end as reason) x
            where e.type = 'START'
              and (e.target = 'FIRST_RESPONSE' and t.status <> 'NEW'
                   or e.target = 'RESOLUTION' and t.status in ('RESOLVED', 'CLOSED', 'ON_HOLD'))
            """;

    /** Requester and agent taking turns, every fourth an internal note; a ticket's count from its id, 0 to 2n. */
    static final String COMMENTS = """
            insert into desk_comments (id, ticket_id, author_id, visibility, by_agent, body, created_at)
            select md5(t.id::text || '/' || c.k)::uuid, t.id,
                   case when c.k %% 2 = 0 and t.assignee_id is not null then t.assignee_id else t.requester_id end,
                   case when c.k %% 4 = 0 and t.assignee_id is not null then 'INTERNAL' else 'PUBLIC' end,
                   c.k %% 2 = 0 and t.assignee_id is not null,
                   p.bodies[1 + (c.k + get_byte(uuid_send(t.id), 2)) %% cardinality(p.bodies)],
                   least(now(), t.created_at + c.k * interval '23 minutes')
            from desk_tickets t
            cross join bench_params p
            cross join lateral generate_series(1,
                (get_byte(uuid_send(t.id), 0) * 256 + get_byte(uuid_send(t.id), 1)) %% %d) c(k)
            """;

    interface SqlStep {
        void run() throws SQLException;
    }

    static void step(Map<String, Double> steps, String name, SqlStep step) throws SQLException {
        var started = System.nanoTime();
        step.run();
        steps.put(name, Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        Bench.log("  %s: %.1f s", name, steps.get(name));
    }

    static void execute(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<UUID> queuesOf(String agent) throws SQLException {
        try (var db = DriverManager.getConnection(jdbcUrl);
                var statement = db.prepareStatement("select queue_id from desk_queue_members where user_id = ?")) {
            statement.setObject(1, UUID.fromString(agent));
            var queues = new ArrayList<UUID>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    queues.add(rows.getObject(1, UUID.class));
                }
            }
            return queues;
        }
    }

    // ---- measuring -------------------------------------------------------------------------------------------

    record Signed(Agent agent, String token, List<UUID> queues) {
    }

    /** Latencies of one measured series, and how many rows each answer had (min–max). */
    record Timing(int requests, double p50Ms, double p95Ms, double p99Ms, double maxMs, int minRows, int maxRows) {

        static Timing of(long[] nanos, int minRows, int maxRows) {
            var sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Timing(sorted.length, Bench.percentile(sorted, 50), Bench.percentile(sorted, 95), Bench.percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, minRows, maxRows);
        }
    }

    static final Pattern ROW_ID = Pattern.compile("\\{\"id\":\"[0-9a-f-]{36}\",\"number\"");

    Timing measureView(List<Signed> agents, String view, String query) {
        var path = "/api/v1/desk/views/" + view + "?limit=50" + (query.isEmpty() ? "" : "&" + query);
        for (int i = 0; i < warmup; i++) {
            check(api.send("GET", path, agents.get(i % agents.size()).token(), null));
        }
        var nanos = new long[requests];
        int minRows = Integer.MAX_VALUE;
        int maxRows = 0;
        for (int i = 0; i < requests; i++) {
            var token = agents.get(i % agents.size()).token();
            long started = System.nanoTime();
            var response = api.send("GET", path, token, null);
            nanos[i] = System.nanoTime() - started;
            check(response);
            int rows = count(ROW_ID.matcher(response.body()));
            minRows = Math.min(minRows, rows);
            maxRows = Math.max(maxRows, rows);
        }
        var timing = Timing.of(nanos, minRows, maxRows);
        Bench.log("  %s%s: p50 %.2f ms, p95 %.2f ms, rows %d–%d", view, query.isEmpty() ? "" : "?" + query, timing.p50Ms(),
                timing.p95Ms(), minRows, maxRows);
        return timing;
    }

    /** The view's own statement (the app's ViewQuery) over JDBC: execution, transfer and reading of the rows. */
    Timing measureSql(List<Signed> agents, String view, String pattern) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            for (int i = 0; i < warmup; i++) {
                runQuery(db, query(agents.get(i % agents.size()), view, pattern));
            }
            var nanos = new long[requests];
            int minRows = Integer.MAX_VALUE;
            int maxRows = 0;
            for (int i = 0; i < requests; i++) {
                var query = query(agents.get(i % agents.size()), view, pattern);
                long started = System.nanoTime();
                int rows = runQuery(db, query);
                nanos[i] = System.nanoTime() - started;
                minRows = Math.min(minRows, rows);
                maxRows = Math.max(maxRows, rows);
            }
            var timing = Timing.of(nanos, minRows, maxRows);
            Bench.log("  SQL only, %s%s: p50 %.2f ms, p95 %.2f ms", view, pattern == null ? "" : " " + pattern,
                    timing.p50Ms(), timing.p95Ms());
            return timing;
        }
    }

    String explain(Signed agent, String view, String pattern) throws Exception {
        try (var db = DriverManager.getConnection(jdbcUrl)) {
            var query = query(agent, view, pattern);
            var positional = positional(query.sql());
            try (var statement = db.prepareStatement("explain (analyze, buffers) " + positional.sql())) {
                bind(statement, positional.names(), query.parameters());
                var plan = new StringBuilder();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    /** The app's io.usher.desk.internal.ViewQuery for this agent and view: its sql() and parameters(). */
    record AppQuery(String sql, Map<String, Object> parameters) {
    }

    static Constructor<?> viewQuery;
    static Method viewSql;
    static Method viewParameters;
    static Class<? extends Enum> viewType;

    @SuppressWarnings({"unchecked", "rawtypes"})
    AppQuery query(Signed agent, String view, String pattern) throws Exception {
        if (viewQuery == null) {
            var type = Class.forName("io.usher.desk.internal.ViewQuery");
            viewQuery = type.getDeclaredConstructors()[0];
            viewQuery.setAccessible(true);
            viewSql = type.getDeclaredMethod("sql");
            viewSql.setAccessible(true);
            viewParameters = type.getDeclaredMethod("parameters");
            viewParameters.setAccessible(true);
            viewType = (Class<? extends Enum>) Class.forName("io.usher.desk.internal.AgentView");
        }
        var instance = viewQuery.newInstance(Enum.valueOf(viewType, view.toUpperCase(Locale.ROOT)),
                UUID.fromString(agent.agent().id()), agent.queues(), Instant.now().plus(Duration.ofHours(2)), Set.of(),
                Set.of(), null, null, null, pattern, null, 51);
        return new AppQuery((String) viewSql.invoke(instance), (Map<String, Object>) viewParameters.invoke(instance));
    }

    record Positional(String sql, List<String> names) {
    }

    static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    static Positional positional(String sql) {
        var names = new ArrayList<String>();
        var matcher = NAMED.matcher(sql);
        var out = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(out, "?");
        }
        matcher.appendTail(out);
        return new Positional(out.toString(), names);
    }

    static void bind(java.sql.PreparedStatement statement, List<String> names, Map<String, Object> values)
            throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            var value = values.get(names.get(i));
            if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("uuid", ids));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    static final Map<String, Positional> POSITIONAL = new java.util.concurrent.ConcurrentHashMap<>();

    static int runQuery(Connection db, AppQuery query) throws SQLException {
        var positional = POSITIONAL.computeIfAbsent(query.sql(), DeskBenchmark::positional);
        try (var statement = db.prepareStatement(positional.sql())) {
            bind(statement, positional.names(), query.parameters());
            int rows = 0;
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    result.getString("subject");
                    rows++;
                }
            }
            return rows;
        }
    }

    /** A ticket number's last digits that occur in few tickets of the agent's queues. */
    String rareNumber(Signed agent) throws SQLException {
        try (var db = DriverManager.getConnection(jdbcUrl);
                var statement = db.prepareStatement(
                        "select number from desk_tickets where queue_id = ? order by sla_due limit 1")) {
            statement.setObject(1, agent.queues().getFirst());
            try (var rows = statement.executeQuery()) {
                rows.next();
                var number = rows.getString(1);
                return number.substring(number.length() - 6);
            }
        }
    }

    record PageTiming(Timing page, Timing ticket, Timing comments, Timing timeline, int ticketsSampled) {
    }

    /** Tickets with exactly 5 comments in the measured agents' queues; each opened by an agent of its queue. */
    PageTiming measureTicketPage(List<Signed> agents) throws Exception {
        var work = new ArrayList<Map.Entry<String, String>>();
        try (var db = DriverManager.getConnection(jdbcUrl);
                var statement = db.prepareStatement("""
                        select t.id from desk_tickets t
                        where t.queue_id = any(?) and (select count(*) from desk_comments c where c.ticket_id = t.id) = 5
                        limit 20""")) {
            for (var agent : agents) {
                statement.setArray(1, db.createArrayOf("uuid", agent.queues().toArray()));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        work.add(Map.entry(agent.token(), rows.getString(1)));
                    }
                }
            }
        }
        Collections.shuffle(work, new Random(42));
        for (int i = 0; i < warmup; i++) {
            var item = work.get(i % work.size());
            openTicket(item.getKey(), item.getValue(), new long[3]);
        }
        var total = new long[requests];
        var parts = new long[3][requests];
        for (int i = 0; i < requests; i++) {
            var item = work.get(i % work.size());
            var split = new long[3];
            long started = System.nanoTime();
            openTicket(item.getKey(), item.getValue(), split);
            total[i] = System.nanoTime() - started;
            for (int p = 0; p < 3; p++) {
                parts[p][i] = split[p];
            }
        }
        var page = new PageTiming(Timing.of(total, 5, 5), Timing.of(parts[0], 1, 1), Timing.of(parts[1], 5, 5),
                Timing.of(parts[2], 5, 5), work.size());
        Bench.log("  ticket page: p50 %.2f ms, p95 %.2f ms (ticket %.2f / comments %.2f / timeline %.2f ms p95)",
                page.page().p50Ms(), page.page().p95Ms(), page.ticket().p95Ms(), page.comments().p95Ms(),
                page.timeline().p95Ms());
        return page;
    }

    void openTicket(String token, String id, long[] split) {
        var paths = List.of("/api/v1/desk/tickets/" + id, "/api/v1/desk/tickets/" + id + "/comments",
                "/api/v1/desk/tickets/" + id + "/timeline");
        for (int p = 0; p < paths.size(); p++) {
            long started = System.nanoTime();
            check(api.send("GET", paths.get(p), token, null));
            split[p] = System.nanoTime() - started;
        }
    }

    static int count(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " -> " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    // ---- where the CPU goes, HTTP and helpers -------------------------------------------------------------------

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the report -------------------------------------------------------------------------------------------

    record Report(DeskBenchmark setup, Generation generation, double apiSetupSeconds, Map<String, Timing> views,
            Map<String, Timing> sql, Map<String, String> plans, PageTiming page, double loadBefore, double loadAfter,
            Bench.Cpu cpu) {

        static String timing(Timing t) {
            return "{\"p50Ms\": %.2f, \"p95Ms\": %.2f, \"p99Ms\": %.2f, \"maxMs\": %.2f, \"requests\": %d, \"rows\": [%d, %d]}"
                    .formatted(t.p50Ms(), t.p95Ms(), t.p99Ms(), t.maxMs(), t.requests(), t.minRows(), t.maxRows());
        }

        static String object(Map<String, Timing> timings) {
            var parts = new ArrayList<String>();
            timings.forEach((name, t) -> parts.add("\"%s\": %s".formatted(name, timing(t))));
            return "{\n    " + String.join(",\n    ", parts) + "\n  }";
        }

        String json() {
            var steps = new ArrayList<String>();
            generation.steps().forEach((k, v) -> steps.add("\"%s\": %.1f".formatted(k, v)));
            return """
                    {
                      "benchmark": "desk",
                      "timestamp": "%s",
                      "machine": {"cores": %d, "java": "%s", "loadAverageBefore": %.2f, "loadAverageAfter": %.2f,
                        "cpuSecondsWhileMeasuring": {"server": %.1f, "postgres": %.1f, "driver": %.1f, "machineBusy": %.1f, "machineTotal": %.1f}},
                      "tickets": %d,
                      "comments": %d,
                      "setup": {"queues": %d, "agentsPerQueue": %d, "requesters": %d, "slaEvents": %d, "measuredAgents": %d,
                        "apiSetupSeconds": %.1f},
                      "generation": {"seconds": %.1f, "ticketsPerSecond": %.0f, "rowsPerSecond": %.0f, "steps": {%s}},
                      "views": %s,
                      "viewsSqlOnly": %s,
                      "ticketPage": {"p50Ms": %.2f, "p95Ms": %.2f, "p99Ms": %.2f, "ticketsSampled": %d,
                        "parts": {"ticket": %s, "comments": %s, "timeline": %s}},
                      "targets": {"viewsP95Ms": 20, "ticketPageP95Ms": 30}
                    }
                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadBefore, loadAfter, cpu.server(), cpu.database(),
                    cpu.driver(), cpu.machineBusy(), cpu.machineTotal(), generation.tickets(), generation.comments(),
                    setup.queues, setup.agentsPerQueue, setup.requesters, generation.slaEvents(),
                    setup.measuredAgents, apiSetupSeconds, generation.seconds(),
                    generation.tickets() / generation.seconds(),
                    (generation.tickets() + generation.comments() + generation.slaEvents()) / generation.seconds(),
                    String.join(", ", steps), object(views), object(sql), page.page().p50Ms(), page.page().p95Ms(),
                    page.page().p99Ms(), page.ticketsSampled(), timing(page.ticket()), timing(page.comments()),
                    timing(page.timeline()));
        }

        String markdown() {
            var md = new StringBuilder();
            md.append("# Desk benchmark\n\n");
            md.append("%s · %d cores · Java %s · load average %.2f before the measurements, %.2f after · Usher, "
                    .formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                            System.getProperty("java.version"), loadBefore, loadAfter));
            md.append("PostgreSQL and this driver on the same machine.\n\n");
            md.append("%,d tickets, %,d comments, %,d SLA events over %d queues (%d agents each, plus the next queue's "
                    .formatted(generation.tickets(), generation.comments(), generation.slaEvents(), setup.queues,
                            setup.agentsPerQueue));
            md.append("as helpers), %,d requesters. Generated in %.0f s (%,.0f tickets/s; %s).\n\n".formatted(
                    setup.requesters, generation.seconds(), generation.tickets() / generation.seconds(),
                    generation.steps()));
            md.append("Each series: %d warm-up requests, then %d measured, one at a time, rotating over %d agents "
                    .formatted(setup.warmup, setup.requests, setup.measuredAgents));
            md.append("(each in two queues); HTTP/1.1 keep-alive, bearer token, 50 rows per view.\n\n");
            md.append("| series | HTTP p50 | HTTP p95 | HTTP p99 | rows | SQL only p50 | SQL only p95 | target p95 |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            views.forEach((name, t) -> {
                var s = sql.get(name);
                md.append("| %s | %.2f ms | **%.2f ms** | %.2f ms | %d–%d | %s | %s | %s |\n".formatted(name, t.p50Ms(),
                        t.p95Ms(), t.p99Ms(), t.minRows(), t.maxRows(),
                        s == null ? "" : "%.2f ms".formatted(s.p50Ms()), s == null ? "" : "%.2f ms".formatted(s.p95Ms()),
                        Set.of("mine", "unassigned", "breaching").contains(name) ? "≤ 20 ms" : ""));
            });
            md.append("| ticket page (ticket + comments + timeline, 5 comments) | %.2f ms | **%.2f ms** | %.2f ms | | | | ≤ 30 ms |\n"
                    .formatted(page.page().p50Ms(), page.page().p95Ms(), page.page().p99Ms()));
            md.append("| – GET ticket (SLA replayed) | %.2f ms | %.2f ms | | | | | |\n".formatted(page.ticket().p50Ms(),
                    page.ticket().p95Ms()));
            md.append("| – GET comments | %.2f ms | %.2f ms | | | | | |\n".formatted(page.comments().p50Ms(),
                    page.comments().p95Ms()));
            md.append("| – GET timeline | %.2f ms | %.2f ms | | | | | |\n\n".formatted(page.timeline().p50Ms(),
                    page.timeline().p95Ms()));
            md.append("CPU while measuring: server %.1f s, PostgreSQL %.1f s, driver %.1f s; machine busy %.0f%% "
                    .formatted(cpu.server(), cpu.database(), cpu.driver(),
                            100 * cpu.machineBusy() / Math.max(cpu.machineTotal(), 0.001)));
            md.append("(all processes, others' too).\n\n");
            md.append("SQL only: the app's own statement (`io.usher.desk.internal.ViewQuery`) over JDBC, rows read; ");
            md.append("no name look-ups, no JSON.\n\n## Plans (EXPLAIN (ANALYZE, BUFFERS), one agent)\n\n");
            plans.forEach((name, plan) -> md.append("### ").append(name).append("\n\n```\n").append(plan)
                    .append("```\n\n"));
            return md.toString();
        }
    }
}
