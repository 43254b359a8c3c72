package org.talon.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Reliability runs, each against a fresh distribution it starts itself; a run passes only if
 * nothing acknowledged is lost or duplicated and the server answers as promised throughout:
 * <ul>
 * <li>kill9: embedded H2 under load, {@code kill -9} of Karaf, restart, load again; every
 *     acknowledged ticket must be stored with its number, no number acknowledged twice a day.
 *     What is stored is read from the H2 file with plain JDBC after a clean stop.</li>
 * <li>postgres: Talon on a PostgreSQL server of its own, which is stopped for 30 s under load:
 *     answers meanwhile are 503 problem+json (never 500, never a wait beyond the engine's 30 s),
 *     Talon recovers by itself, and PostgreSQL holds every acknowledged ticket once.</li>
 * <li>update: {@code bundle:update} of org.talon.event, org.talon.queue and org.talon.web under
 *     load with kiosks that retry with an Idempotency-Key as a real kiosk does: no ticket fails,
 *     none is lost, no key yields two tickets. While the queue routes re-register (event or queue
 *     updated) the API answers 503 with Retry-After: 1. While the web bundle itself is updated
 *     no servlet serves /api/v1 for a moment and Jetty answers its own 404 (HTML): retrying that
 *     is the client's job here, and the kiosks do, because the path served them before.</li>
 * <li>malformed: generated bad requests over every route: no answer of 500 or more, and the
 *     server is healthy afterwards.</li>
 * </ul>
 * {@code distribution/bench/run reliability [kill9|postgres|update|malformed|all] [--seconds N]
 * [--short] [--outage N] [--requests N]}; the exit code is 0 only if every selected run passed.
 */
public final class Reliability {
    /** The runs, in the order {@code all} plays them. */
    public static final List<String> RUNS = List.of("kill9", "postgres", "update", "malformed", "adversary", "churn");
    /** Logins of every staff role the adversary and churn runs add before the first start. */
    static final String STAFF_USERS = "mia = Mia-Secret-1,manager\nanna = Anna-Secret-1,operator\nrita = Rita-Secret-1,reception\n";
    /** The full stream churn passes only if RSS is back under this afterwards (issue 9). */
    static final long CHURN_RSS_LIMIT_MIB = 450;
    /** ... and grew by less than this over the churn (it grew by 436 MiB before issue 9). */
    static final long CHURN_RSS_GROWTH_LIMIT_MIB = 100;
    /** ... and direct buffer memory stayed under this throughout (it reached the JVM's 239 MB limit before). */
    static final long CHURN_DIRECT_LIMIT_MIB = 64;

    /** Implementation bundles updated by the update run, in this order. */
    public static final List<String> UPDATED_BUNDLES = List.of("org.talon.event", "org.talon.queue", "org.talon.web");
    /** The engine answers 503 after this long at the latest (QueueEngine.COMMAND_TIMEOUT_SECONDS). */
    static final int ENGINE_TIMEOUT_SECONDS = 30;

    /**
     * How long each run plays.
     *
     * @param seconds        load before and after each fault (kill, outage, each update)
     * @param outageSeconds  how long PostgreSQL stays down
     * @param malformed      how many bad requests the malformed run sends
     * @param adversaryRounds how often the adversary run plays its generated cases
     * @param churnRounds    rounds of the stream churn
     * @param churnStreams   streams opened (and reset) in each round
     * @param churnEvents    events in the log before the churn, which each stream replays
     * @param churnRssLimitMiB the churn passes only with RSS under this afterwards
     * @param churnSettleSeconds how long after the last round (beyond 10 s) RSS is read for that
     */
    public record Settings(double seconds, int outageSeconds, int malformed, int adversaryRounds, int churnRounds, int churnStreams,
            int churnEvents, long churnRssLimitMiB, int churnSettleSeconds) {
        public static Settings full() {
            return new Settings(20, 30, 10_000, 5, 10, 200, 20_000, CHURN_RSS_LIMIT_MIB, 70);
        }

        /**
         * What CI runs: short loads, the same 30 s outage, 2,000 bad requests, one adversarial round,
         * three rounds of stream churn. Its sharp memory check is the growth over the churn
         * ({@value #CHURN_RSS_GROWTH_LIMIT_MIB} MiB); the absolute bound leaves room for a shared
         * machine (a short run went from 375 to 393 MiB).
         */
        public static Settings shortForm() {
            return new Settings(3, 30, 2_000, 1, 3, 200, 20_000, 512, 0);
        }
    }

    /** The verdict and figures of one run. */
    public record Outcome(String run, boolean passed, List<String> figures, List<String> failures) {
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(run).append(": ").append(passed ? "PASSED" : "FAILED").append('\n');
            figures.forEach(f -> b.append("  ").append(f).append('\n'));
            failures.forEach(f -> b.append("  FAILURE: ").append(f).append('\n'));
            return b.toString();
        }
    }

    private final Path distribution;
    private final Path work;
    private final Path bundles;
    private final Consumer<String> log;

    /**
     * @param distribution the built tar.gz
     * @param work         where each run unpacks its distribution (work/<run>)
     * @param bundles      the bundles/ folder of the build (the update run's jars are in bundles/<bsn>/target)
     */
    public Reliability(Path distribution, Path work, Path bundles, Consumer<String> log) {
        this.distribution = distribution.toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.bundles = bundles.toAbsolutePath();
        this.log = log;
    }

    /** The build's bundles/ folder: the first bundles/ beside a folder above the distribution (distribution/karaf/target/x.tar.gz). */
    public static Path bundlesOf(Path distribution) {
        for (Path p = distribution.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bundles"))) return p.resolve("bundles");
        }
        return Path.of("bundles").toAbsolutePath();
    }

    public static void main(String[] args) {
        String which = "all";
        Settings s = Settings.full();
        boolean shortForm = false;
        Map<String, String> options = new HashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--short")) shortForm = true;
                else if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
                    options.put(args[i].substring(2), args[++i]);
                } else if (i == 0) which = args[i];
                else throw new IllegalArgumentException("unexpected " + args[i]);
            }
            if (shortForm) s = Settings.shortForm();
            s = new Settings(Double.parseDouble(options.getOrDefault("seconds", String.valueOf(s.seconds()))),
                    Integer.parseInt(options.getOrDefault("outage", String.valueOf(s.outageSeconds()))),
                    Integer.parseInt(options.getOrDefault("requests", String.valueOf(s.malformed()))),
                    Integer.parseInt(options.getOrDefault("adversary-rounds", String.valueOf(s.adversaryRounds()))),
                    Integer.parseInt(options.getOrDefault("rounds", String.valueOf(s.churnRounds()))),
                    Integer.parseInt(options.getOrDefault("streams", String.valueOf(s.churnStreams()))),
                    Integer.parseInt(options.getOrDefault("events", String.valueOf(s.churnEvents()))), s.churnRssLimitMiB(),
                    Integer.parseInt(options.getOrDefault("settle", String.valueOf(s.churnSettleSeconds()))));
            options.keySet().removeAll(List.of("seconds", "outage", "requests", "adversary-rounds", "rounds", "streams", "events", "settle"));
            if (!options.isEmpty()) throw new IllegalArgumentException("unknown options " + options.keySet());
            if (!RUNS.contains(which) && !which.equals("all")) {
                throw new IllegalArgumentException("no run " + which);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: distribution/bench/run reliability [kill9|postgres|update|malformed|adversary|churn|all] [--short]"
                    + " [--seconds N] [--outage N] [--requests N] [--adversary-rounds N] [--rounds N] [--streams N] [--events N] [--settle S]");
            System.exit(2);
            return;
        }
        Path dist = Path.of(System.getProperty("talon.distribution", "distribution/karaf/target/talon-distribution-0.1.0-SNAPSHOT.tar.gz"));
        Path work = Path.of(System.getProperty("talon.work", "distribution/bench/target/reliability"));
        Reliability r = new Reliability(dist, work, Path.of(System.getProperty("talon.bundles", bundlesOf(dist).toString())),
                line -> System.out.println(line));
        List<Outcome> outcomes = new ArrayList<>();
        for (String run : which.equals("all") ? RUNS : List.of(which)) {
            Outcome o = r.run(run, s);
            System.out.println(o.describe());
            outcomes.add(o);
        }
        System.out.println("reliability: " + outcomes.stream().map(o -> o.run() + " " + (o.passed() ? "passed" : "FAILED")).toList());
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }

    /** Runs one by name; an exception becomes a failed outcome. */
    public Outcome run(String name, Settings s) {
        Run r = new Run(name);
        log.accept("== reliability run " + name);
        try {
            switch (name) {
                case "kill9" -> kill9(r, s);
                case "postgres" -> postgres(r, s);
                case "update" -> update(r, s);
                case "malformed" -> malformed(r, s);
                case "adversary" -> adversary(r, s);
                case "churn" -> churn(r, s);
                default -> throw new IllegalArgumentException("no run " + name);
            }
        } catch (Exception e) {
            r.fail("the run broke off: " + e);
            StringBuilder trace = new StringBuilder();
            for (StackTraceElement el : e.getStackTrace()) trace.append("\n    at ").append(el);
            log.accept("run " + name + " broke off: " + e + trace);
        }
        return new Outcome(name, r.failures.isEmpty(), List.copyOf(r.figures), List.copyOf(r.failures));
    }

    /** Figures and failures of a run as it goes. */
    private final class Run {
        final String name;
        final List<String> figures = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        Run(String name) {
            this.name = name;
        }

        void figure(String f) {
            figures.add(f);
            log.accept("  " + name + ": " + f);
        }

        void fail(String f) {
            failures.add(f);
            log.accept("  " + name + ": FAILURE: " + f);
        }

        void check(boolean ok, String failure) {
            if (!ok) fail(failure);
        }
    }

    // ------------------------------------------------------------------ kill -9

    void kill9(Run run, Settings s) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("kill9"), 8, false)) {
            run.figure(String.format("embedded H2, 8 kiosks, 8 counters; boot to first ticket %d ms", b.bootToFirstTicketMillis));
            Phases phases = new Phases();
            LoadGenerator gen = new LoadGenerator(plan(b, 8, 8), b.pid()).observeAnswers(phases);
            FutureTask<LoadGenerator.Result> load = start(gen, b);
            sleep(s.seconds());
            long pid = b.pid();
            long before = gen.acked().size();
            phases.enter("down");
            b.talon.kill9();
            long killed = System.nanoTime();
            run.figure(String.format("kill -9 of Karaf (pid %d) after %.0f s of load and %,d acknowledged tickets", pid, s.seconds(), before));
            b.talon.start(Map.of("TALON_ADMIN_PASSWORD", Bench.PASSWORD));
            phases.enter("restarted");
            b.talon.awaitReady();
            long first = phases.awaitFirst("restarted", "issue", 201, 120);
            run.check(first > 0, "no ticket issued within 120 s of the restart");
            if (first > 0) run.figure(String.format("kill -> restarted -> first ticket again: %.1f s", (first - killed) / 1e9));
            sleep(s.seconds());
            gen.stop();
            LoadGenerator.Result r = load.get(120, TimeUnit.SECONDS);
            b.talon.stop();
            run.figure("answers by phase: " + phases.describe());
            run.figure("first answer of each kind of refusal: " + phases.samples());
            run.check(phases.count("load", "issue", 201) > 0, "no ticket was issued before the kill");
            run.check(phases.count("restarted", "issue", 201) > 0, "no ticket was issued after the restart");
            noServerErrors(run, phases);
            Map<Long, Stored> stored = storedTickets(h2Url(b.talon.home), "talon", "talon");
            compare(run, r.acked, stored);
        }
    }

    // ------------------------------------------------------------------ PostgreSQL outage

    void postgres(Run run, Settings s) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("postgres"), 8, true)) {
            run.figure(String.format("PostgreSQL of its own on port %d, 8 kiosks, 8 counters; boot to first ticket %d ms", b.postgres.port,
                    b.bootToFirstTicketMillis));
            Phases phases = new Phases();
            // a wait longer than the engine's timeout shows as TIMED_OUT, not as a hung client
            LoadGenerator gen = new LoadGenerator(plan(b, 8, 8), b.pid()).observeAnswers(phases)
                    .readTimeout((ENGINE_TIMEOUT_SECONDS + 10) * 1000);
            FutureTask<LoadGenerator.Result> load = start(gen, b);
            sleep(s.seconds());
            phases.enter("outage");
            long down = System.nanoTime();
            b.postgres.pause();
            run.figure(String.format("PostgreSQL stopped (pg_ctl stop -m fast, %.1f s) after %.0f s of load", (System.nanoTime() - down) / 1e9,
                    s.seconds()));
            sleepUntil(down + s.outageSeconds() * 1_000_000_000L);
            b.postgres.resume();
            long resumed = System.nanoTime();
            phases.enter("recovering");
            run.figure(String.format("PostgreSQL started again after %.1f s down", (resumed - down) / 1e9));
            long first = phases.awaitFirst("recovering", "issue", 201, 120);
            if (first > 0) {
                run.figure(String.format("seconds from resume to the first 201 again: %.2f", (first - resumed) / 1e9));
            } else {
                run.fail("Talon did not recover by itself: no ticket issued within 120 s of PostgreSQL being back");
            }
            phases.enter("after");
            sleep(s.seconds());
            gen.stop();
            LoadGenerator.Result r = load.get(120, TimeUnit.SECONDS);
            run.figure("answers by phase: " + phases.describe());
            run.figure("first answer of each kind of refusal: " + phases.samples());
            long unavailable = phases.countStatus("outage", 503);
            run.figure(String.format("503 answers during the outage: %,d (%,d of them not problem+json); other answers then: %s", unavailable,
                    phases.badUnavailable.sum(), phases.counts("outage")));
            if (phases.sample503 != null) run.figure("a 503 during the outage: " + phases.sample503);
            run.check(unavailable > 0, "no 503 during the outage: requests did not reach the database, or hung");
            run.check(phases.badUnavailable.sum() == 0, phases.badUnavailable.sum() + " 503 answers were not application/problem+json");
            run.check(phases.countStatus("after", 201) > 0, "no ticket issued after the recovery");
            long longest = phases.longestNanos();
            run.figure(String.format("longest wait for any answer: %.1f s (the engine answers 503 after %d s at the latest)", longest / 1e9,
                    ENGINE_TIMEOUT_SECONDS));
            run.check(longest <= (ENGINE_TIMEOUT_SECONDS + 3) * 1_000_000_000L, String.format(
                    "a request waited %.1f s for its answer, beyond the engine's %d s timeout", longest / 1e9, ENGINE_TIMEOUT_SECONDS));
            long hung = phases.countAll(LoadGenerator.TIMED_OUT);
            run.check(hung == 0, hung + " requests got no answer within " + (ENGINE_TIMEOUT_SECONDS + 10) + " s");
            noServerErrors(run, phases);
            idleRestart(run, b, r.acked);
            b.talon.stop();
            Map<Long, Stored> stored = storedTickets(b.postgres.url("talon"), "talon", "talon");
            compare(run, r.acked, stored);
        }
    }

    /**
     * PostgreSQL restarted while Talon is idle (a night's maintenance): the pooled connections are
     * all broken and nothing has noticed; the next kiosk must still get its ticket at once.
     */
    private static void idleRestart(Run run, Bench b, List<LoadGenerator.Acked> acked) throws Exception {
        b.postgres.pause();
        b.postgres.resume();
        byte[] issue = Http.request("POST", "/api/v1/branches/demo/tickets", b.kioskAuth, "{\"service\":\"A\"}");
        try (Http h = new Http(b.port(), (ENGINE_TIMEOUT_SECONDS + 10) * 1000)) {
            long t0 = System.nanoTime();
            int status = h.send(issue, true);
            double took = (System.nanoTime() - t0) / 1e9;
            run.figure(String.format("PostgreSQL restarted while idle: the next ticket answered %d in %.2f s", status, took));
            run.check(status == 201, "the first ticket after PostgreSQL restarted while idle answered " + status + " " + h.lastBody);
            run.check(took < 5, String.format("the first ticket after PostgreSQL restarted while idle took %.1f s", took));
            LoadGenerator.Acked a = status == 201 ? LoadGenerator.Acked.of(h.lastBody) : null;
            if (a != null) acked.add(a);
        }
    }

    // ------------------------------------------------------------------ bundle:update under load

    void update(Run run, Settings s) throws Exception {
        Path jars = work.resolve("update-jars");
        TalonProcess.deleteTree(jars);
        Files.createDirectories(jars);
        Map<String, Path> jar = new LinkedHashMap<>();
        for (String bsn : UPDATED_BUNDLES) {
            // a copy: the build may rewrite target/ while this run plays
            Path built = bundles.resolve(bsn).resolve("target").resolve(bsn + "-0.1.0-SNAPSHOT.jar");
            if (!Files.isRegularFile(built)) throw new IllegalStateException("Build the bundles first: " + built);
            jar.put(bsn, Files.copy(built, jars.resolve(built.getFileName()), StandardCopyOption.REPLACE_EXISTING));
        }
        try (Bench b = new Bench(distribution, work.resolve("update"), 8, false)) {
            run.figure(String.format("embedded H2, 8 retrying kiosks (Idempotency-Key, retry 503 / no answer / 404 for up to 30 s),"
                    + " 8 counters; boot to first ticket %d ms", b.bootToFirstTicketMillis));
            Phases phases = new Phases();
            LoadGenerator gen = new LoadGenerator(plan(b, 8, 8), b.pid()).observeAnswers(phases).retryingKiosks(30_000);
            FutureTask<LoadGenerator.Result> load = start(gen, b);
            sleep(s.seconds());
            for (String bsn : UPDATED_BUNDLES) {
                String phase = "update " + bsn;
                String id = bundleId(b.talon, bsn);
                int revisions = revision(b.talon.home, id);
                phases.enter(phase);
                long t0 = System.nanoTime();
                b.talon.client("bundle:update " + bsn + " " + jar.get(bsn).toUri());
                long took = System.nanoTime() - t0;
                sleep(s.seconds());
                int after = revision(b.talon.home, id);
                run.check(after > revisions, "bundle:update " + bsn + " did not install a new revision (revision " + revisions + " -> " + after + ")");
                long[] refused = phases.refusals(phase);
                run.figure(String.format("%s (bundle %s, revision %d -> %d): console %.1f s; %s; failed tickets %d;"
                        + " kiosk attempts retried %s; longest ticket %.1f s; counters %s", phase, id, revisions, after, took / 1e9,
                        refused == null ? "no request refused"
                                : String.format("requests refused from %+.1f s to %+.1f s of the command", (refused[0] - t0) / 1e9,
                                        (refused[1] - t0) / 1e9),
                        phases.countNot(phase, "ticket", 201), phases.retried(phase), phases.longestNanos(phase, "ticket") / 1e9,
                        phases.counterAnswers(phase)));
            }
            phases.enter("after");
            sleep(Math.min(3, s.seconds()));
            gen.stop();
            LoadGenerator.Result r = load.get(120, TimeUnit.SECONDS);
            run.figure("answers by phase: " + phases.describe());
            run.figure("first answer of each kind of refusal: " + phases.samples());
            run.figure(String.format("tickets: %,d acknowledged, %,d needed a retry, %,d failed, %,d still retrying when the load stopped",
                    r.keyed.size(), r.retriedTickets, r.failedTickets.size(), r.abandonedTickets));
            if (!r.failedTickets.isEmpty()) {
                List<String> first = new ArrayList<>();
                for (LoadGenerator.FailedTicket f : r.failedTickets.subList(0, Math.min(5, r.failedTickets.size()))) {
                    first.add(String.format("%s after %d attempts in %.1f s, last answer %d %s", f.key(), f.attempts(),
                            (f.endNanos() - f.firstNanos()) / 1e9, f.lastStatus(), f.lastBody()));
                }
                run.fail(r.failedTickets.size() + " tickets failed (an answer a kiosk may not retry, or no ticket within 30 s), e.g. " + first);
            }
            noServerErrors(run, phases);
            b.talon.stop();
            Map<Long, Stored> stored = storedTickets(h2Url(b.talon.home), "talon", "talon");
            compare(run, r.acked, stored);
            compareKeys(run, r.keyed, h2Url(b.talon.home));
        }
    }

    /** The bundle id, from bin/client's output (its last line that is a number). */
    private static String bundleId(TalonProcess talon, String bsn) throws Exception {
        String out = talon.client("bundle:id " + bsn);
        List<String> numbers = out.lines().map(String::strip).filter(l -> l.matches("\\d+")).toList();
        if (numbers.isEmpty()) throw new IllegalStateException("bundle:id " + bsn + " printed no id: " + out);
        return numbers.get(numbers.size() - 1);
    }

    /**
     * The newest revision Felix has of a bundle, from its cache folder (data/cache/bundle<id>/version0.N):
     * each update installs revision N + 1.
     */
    private static int revision(Path home, String id) throws IOException {
        Path dir = home.resolve("data/cache/bundle" + id);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("no bundle cache folder " + dir);
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("version\\d+\\.\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring(n.indexOf('.') + 1))).max().orElse(-1);
        }
    }

    // ------------------------------------------------------------------ malformed requests

    void malformed(Run run, Settings s) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("malformed"), 4, false)) {
            long t0 = System.nanoTime();
            MalformedRequests.Result r = MalformedRequests.send(b.port(), Bench.ADMIN, List.of(b.kioskAuth, b.displayAuth), s.malformed(),
                    20261201L);
            run.figure(r.describe() + String.format(" in %.1f s", (System.nanoTime() - t0) / 1e9));
            run.figure("routes: " + r.routes());
            run.check(r.sent() >= s.malformed() * 3 / 4, "only " + r.sent() + " of " + s.malformed() + " requests could be sent");
            run.check(r.serverErrors().isEmpty(), r.serverErrors().size() + " answers of 500 or more, the first: "
                    + r.serverErrors().subList(0, Math.min(5, r.serverErrors().size())));
            run.check(r.unanswered().isEmpty(), r.unanswered().size() + " requests got no answer, the first: "
                    + r.unanswered().subList(0, Math.min(5, r.unanswered().size())));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> caps = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/api/v1/capabilities"))
                    .header("Authorization", Bench.ADMIN).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> issued = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port()
                    + "/api/v1/branches/demo/tickets")).header("Authorization", b.kioskAuth).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"A\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            run.figure("afterwards: GET /capabilities as admin " + caps.statusCode() + " " + caps.body() + "; a kiosk issues a ticket: "
                    + issued.statusCode());
            run.check(caps.statusCode() == 200 && caps.body().contains("\"queue\""), "not healthy afterwards: GET /capabilities "
                    + caps.statusCode() + " " + caps.body());
            run.check(issued.statusCode() == 201, "no ticket afterwards: " + issued.statusCode() + " " + issued.body());
        }
    }

    /**
     * The generated adversarial requests of {@link Adversary} over every route and field of the
     * server's OpenAPI document, with every role: no failure, nothing stored changed, healthy after.
     */
    void adversary(Run run, Settings s) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("adversary"), 4, false,
                t -> Files.writeString(t.home.resolve("etc/users.properties"), STAFF_USERS, java.nio.file.StandardOpenOption.APPEND))) {
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("manager", Http.basic("mia", "Mia-Secret-1"));
            callers.put("operator", Http.basic("anna", "Anna-Secret-1"));
            callers.put("reception", Http.basic("rita", "Rita-Secret-1"));
            callers.put("kiosk", b.kioskAuth);
            callers.put("display", b.displayAuth);
            String before = ticketNumbers(b);
            long t0 = System.nanoTime();
            Adversary.Result r = new Adversary(b.port(), Bench.ADMIN, callers).run(s.adversaryRounds());
            run.figure(r.describe() + String.format(" in %.1f s", (System.nanoTime() - t0) / 1e9));
            run.check(r.sent() > 1000, "only " + r.sent() + " requests were sent");
            for (Adversary.Failure f : r.failures().subList(0, Math.min(30, r.failures().size()))) run.fail(f.toString());
            if (r.failures().size() > 30) run.fail((r.failures().size() - 30) + " more failures");
            String after = ticketNumbers(b);
            run.check(before.equals(after), "what is stored changed: tickets before " + before + ", after " + after);
            healthy(run, b);
        }
    }

    /**
     * Defect 1 of issue 9: rounds of event streams opened without Last-Event-ID over a log of
     * many events (so each replays it) and dropped with a TCP reset, while a kiosk issues a
     * ticket every 100 ms. Passes when every kiosk ticket is issued, direct memory stays under
     * {@value #CHURN_DIRECT_LIMIT_MIB} MiB, RSS is back under {@value #CHURN_RSS_LIMIT_MIB} MiB
     * afterwards and the database answers as before.
     */
    void churn(Run run, Settings s) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("churn"), 4, false)) {
            long t0 = System.nanoTime();
            fillLog(b, s.churnEvents());
            run.figure(String.format("the log holds %,d events (%.1f s to write)", lastSequence(b), (System.nanoTime() - t0) / 1e9));
            try (JvmProbe probe = new JvmProbe(b.pid())) {
                probe.gc();
                JvmProbe.Reading start = probe.read();
                run.figure("before: " + start.describe());
                java.util.concurrent.atomic.AtomicBoolean playing = new java.util.concurrent.atomic.AtomicBoolean(true);
                java.util.concurrent.atomic.AtomicLong maxDirect = new java.util.concurrent.atomic.AtomicLong();
                java.util.concurrent.atomic.AtomicLong maxRss = new java.util.concurrent.atomic.AtomicLong();
                java.util.concurrent.atomic.AtomicInteger maxThreads = new java.util.concurrent.atomic.AtomicInteger();
                Thread sampler = new Thread(() -> {
                    while (playing.get()) {
                        try {
                            JvmProbe.Reading r = probe.read();
                            maxDirect.accumulateAndGet(r.directBytes(), Math::max);
                            maxRss.accumulateAndGet(r.rssKiB(), Math::max);
                            maxThreads.accumulateAndGet(r.threads(), Math::max);
                            Thread.sleep(250);
                        } catch (Exception e) {
                            return;
                        }
                    }
                }, "churn-sampler");
                Kiosk kiosk = new Kiosk(b.port(), b.kioskAuth);
                sampler.start();
                kiosk.thread.start();
                int opened = 0;
                Map<String, Integer> answers = new TreeMap<>();
                for (int round = 0; round < s.churnRounds(); round++) {
                    List<java.net.Socket> streams = new ArrayList<>();
                    for (int i = 0; i < s.churnStreams(); i++) {
                        java.net.Socket sock = new java.net.Socket();
                        sock.setReceiveBufferSize(4096);
                        sock.connect(new java.net.InetSocketAddress("127.0.0.1", b.port()), 5000);
                        sock.setSoTimeout(10_000);
                        sock.getOutputStream().write(("GET /api/v1/branches/demo/events HTTP/1.1\r\nHost: x\r\nAuthorization: "
                                + b.displayAuth + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        streams.add(sock);
                    }
                    for (java.net.Socket sock : streams) {
                        byte[] head = new byte[12];
                        int n = sock.getInputStream().readNBytes(head, 0, 12);
                        String status = new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
                        answers.merge(status.length() >= 12 ? status.substring(9, 12) : "none", 1, Integer::sum);
                        opened++;
                    }
                    Thread.sleep(2000);
                    for (java.net.Socket sock : streams) {
                        sock.setSoLinger(true, 0); // a reset, as a display whose network vanished
                        sock.close();
                    }
                }
                run.figure(String.format("%d rounds of %d streams without Last-Event-ID, each reset after 2 s: answers %s",
                        s.churnRounds(), s.churnStreams(), answers));
                run.check(answers.getOrDefault("200", 0) == opened, "not every stream was opened: " + answers);
                Thread.sleep(10_000);
                JvmProbe.Reading after = probe.read();
                playing.set(false);
                kiosk.stop();
                sampler.join();
                run.figure("10 s after the last round: " + after.describe());
                // what the process still holds once Jetty has let its extra threads go (they idle out after
                // 60 s) and its garbage is collected (as jcmd GC.run would)
                long settle = s.churnSettleSeconds() * 1000L;
                Thread.sleep(settle);
                probe.gc();
                Thread.sleep(1000);
                JvmProbe.Reading collected = probe.read();
                run.figure((settle > 0 ? settle / 1000 + 10 + " s after the last round and a full collection: " : "after a full collection: ")
                        + collected.describe());
                run.figure(String.format("peak during the rounds: direct memory %.1f MiB, RSS %d MiB, %d threads", maxDirect.get() / 1048576.0,
                        maxRss.get() / 1024, maxThreads.get()));
                run.figure(kiosk.describe());
                run.check(kiosk.failed.isEmpty(), "kiosk requests failed meanwhile: " + kiosk.failed.subList(0, Math.min(5, kiosk.failed.size())));
                run.check(kiosk.issued > 0, "no ticket was issued meanwhile");
                run.check(maxDirect.get() < CHURN_DIRECT_LIMIT_MIB * 1048576, "direct memory reached " + maxDirect.get() / 1048576 + " MiB");
                run.check(collected.rssKiB() < s.churnRssLimitMiB() * 1024, "RSS afterwards (collected) " + collected.rssKiB() / 1024
                        + " MiB, over " + s.churnRssLimitMiB());
                long grew = (collected.rssKiB() - start.rssKiB()) / 1024;
                run.figure("RSS grew by " + grew + " MiB over the churn");
                run.check(grew < CHURN_RSS_GROWTH_LIMIT_MIB, "RSS grew by " + grew + " MiB over the churn, more than " + CHURN_RSS_GROWTH_LIMIT_MIB);
            }
            healthy(run, b);
            // and the log still replays: the last five events, to a display that resumes
            long last = lastSequence(b);
            try (java.net.Socket sock = new java.net.Socket("127.0.0.1", b.port())) {
                sock.setSoTimeout(10_000);
                sock.getOutputStream().write(("GET /api/v1/branches/demo/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + b.displayAuth
                        + "\r\nLast-Event-ID: " + (last - 5) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(sock.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8));
                int ids = 0;
                String line;
                while (ids < 5 && (line = in.readLine()) != null) if (line.startsWith("id: ")) ids++;
                run.check(ids == 5, "a resumed stream got " + ids + " of the last 5 events");
            }
        }
    }

    /** A kiosk issuing a ticket every 100 ms on a keep-alive connection, counting every answer. */
    static final class Kiosk implements Runnable {
        final int port;
        final String auth;
        final Thread thread = new Thread(this, "churn-kiosk");
        volatile boolean running = true;
        int issued;
        long slowestNanos;
        final List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());

        Kiosk(int port, String auth) {
            this.port = port;
            this.auth = auth;
        }

        @Override
        public void run() {
            byte[] issue = Http.request("POST", "/api/v1/branches/demo/tickets", auth, "{\"service\":\"B\"}");
            Http h = null;
            while (running) {
                long t = System.nanoTime();
                try {
                    if (h == null) h = new Http(port, 30_000);
                    int status = h.send(issue, true);
                    if (status == 201) issued++;
                    else failed.add(status + " " + h.lastBody);
                } catch (IOException e) {
                    failed.add("no answer: " + e);
                    h = null;
                }
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - t);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    break;
                }
            }
            try {
                if (h != null) h.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(60_000);
        }

        String describe() {
            return String.format("a kiosk meanwhile: %d tickets issued, %d failed, slowest answer %.0f ms", issued, failed.size(),
                    slowestNanos / 1e6);
        }
    }

    /**
     * Four clients, each issuing and pressing Next at a counter of its own, until about
     * {@code events} events were written (an issue is one, a Next that finishes and calls two).
     */
    static void fillLog(Bench b, int events) throws Exception {
        byte[] issue = Http.request("POST", "/api/v1/branches/demo/tickets", Bench.ADMIN, "{\"service\":\"A\"}");
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            byte[] next = Http.request("POST", "/api/v1/branches/demo/counters/" + c + "/next", Bench.ADMIN, null);
            Thread t = new Thread(() -> {
                try (Http h = new Http(b.port(), 30_000)) {
                    while (written.get() < events) {
                        int a = h.send(issue, false);
                        int n = h.send(next, false);
                        if (a != 201 || (n != 200 && n != 204)) throw new IllegalStateException("filling the log: issue " + a + ", next " + n);
                        written.addAndGet(n == 200 ? 3 : 2);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) t.join();
        if (!failures.isEmpty()) throw failures.get(0);
    }

    /** The demo branch's last event sequence, from a stream that starts now (its reset line is never sent; the id is read from the log). */
    static long lastSequence(Bench b) throws Exception {
        try (Http h = new Http(b.port(), 30_000)) {
            int s = h.send(Http.request("POST", "/api/v1/branches/demo/tickets", Bench.ADMIN, "{\"service\":\"C\"}"), true);
            if (s != 201) throw new IllegalStateException("issue answered " + s);
        }
        // the stream from Last-Event-ID 0 would replay everything: ask for one far ahead, whose reset names the last sequence
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", b.port())) {
            sock.setSoTimeout(10_000);
            sock.getOutputStream().write(("GET /api/v1/branches/demo/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + Bench.ADMIN
                    + "\r\nLast-Event-ID: 999999999999\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(sock.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"lastSequence\":(\\d+)").matcher(line);
                if (m.find()) return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalStateException("no StreamReset");
    }

    /** The numbers of the demo branch's active tickets, as admin sees them. */
    static String ticketNumbers(Bench b) throws Exception {
        try (Http h = new Http(b.port(), 30_000)) {
            int s = h.send(Http.request("GET", "/api/v1/branches/demo/tickets", Bench.ADMIN, null), true);
            if (s != 200) throw new IllegalStateException("GET tickets answered " + s);
            List<String> numbers = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"number\":\"([^\"]+)\"").matcher(h.lastBody);
            while (m.find()) numbers.add(m.group(1));
            return numbers.toString();
        }
    }

    /** After a run: the API answers and a kiosk gets a ticket. */
    static void healthy(Run run, Bench b) throws Exception {
        try (Http h = new Http(b.port(), 30_000)) {
            int caps = h.send(Http.request("GET", "/api/v1/capabilities", Bench.ADMIN, null), true);
            String capsBody = h.lastBody;
            int issued = h.send(Http.request("POST", "/api/v1/branches/demo/tickets", b.kioskAuth, "{\"service\":\"A\"}"), true);
            run.figure("afterwards: GET /capabilities " + caps + ", a kiosk issues a ticket: " + issued);
            run.check(caps == 200 && capsBody.contains("\"queue\""), "not healthy afterwards: GET /capabilities " + caps + " " + capsBody);
            run.check(issued == 201, "no ticket afterwards: " + issued + " " + h.lastBody);
        }
    }

    // ------------------------------------------------------------------ what is stored

    /** A row of talon_ticket. */
    record Stored(long id, String number, String day, String branch, String state, String key) {
    }

    static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.resolve("data/talon/talon");
    }

    static Map<Long, Stored> storedTickets(String url, String user, String password) throws SQLException {
        Map<Long, Stored> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, number, business_day, branch, state, idempotency_key FROM talon_ticket")) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return out;
    }

    /** Every acknowledged ticket stored, with the number it was acknowledged with, and no number acknowledged twice a day. */
    static void compare(Run run, List<LoadGenerator.Acked> ackedList, Map<Long, Stored> stored) {
        List<LoadGenerator.Acked> acked;
        synchronized (ackedList) {
            acked = List.copyOf(ackedList);
        }
        List<String> lost = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, List<Long>> byDayAndNumber = new TreeMap<>();
        Map<Long, Integer> byId = new HashMap<>();
        for (LoadGenerator.Acked a : acked) {
            byId.merge(a.id(), 1, Integer::sum);
            Stored s = stored.get(a.id());
            if (s == null) lost.add(a.id() + " " + a.number());
            else if (!s.number().equals(a.number())) wrong.add(a.id() + ": acknowledged " + a.number() + ", stored " + s.number());
            String day = s == null ? "(unknown day)" : s.branch() + " " + s.day();
            byDayAndNumber.computeIfAbsent(day + " " + a.number(), k -> new ArrayList<>()).add(a.id());
        }
        List<String> twice = byDayAndNumber.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " acknowledged for tickets " + e.getValue()).toList();
        long sameIdTwice = byId.values().stream().filter(n -> n > 1).count();
        // ids are never given twice, so an id acknowledged again means the server forgot the first ticket
        long forgotten = byId.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        run.figure(String.format("acknowledged tickets %,d; stored rows %,d; lost %d (%d not stored, %d whose id the server gave again);"
                + " stored with another number %d; numbers acknowledged twice for one business day %d", acked.size(), stored.size(),
                lost.size() + forgotten, lost.size(), forgotten, wrong.size(), twice.size()));
        run.check(!acked.isEmpty(), "no ticket was acknowledged at all");
        run.check(lost.isEmpty(), lost.size() + " acknowledged tickets are not stored, e.g. " + lost.subList(0, Math.min(10, lost.size())));
        run.check(wrong.isEmpty(), wrong.size() + " tickets stored with another number, e.g. " + wrong.subList(0, Math.min(10, wrong.size())));
        run.check(twice.isEmpty(), twice.size() + " numbers acknowledged twice, e.g. " + twice.subList(0, Math.min(10, twice.size())));
        run.check(sameIdTwice == 0, sameIdTwice + " ticket ids acknowledged twice: " + forgotten
                + " acknowledged tickets were forgotten and their ids given to later tickets");
    }

    /** Every key acknowledged once, its ticket stored under it, and no key stored with two tickets. */
    static void compareKeys(Run run, List<LoadGenerator.KeyedAck> keyedList, String url) throws SQLException {
        List<LoadGenerator.KeyedAck> keyed;
        synchronized (keyedList) {
            keyed = List.copyOf(keyedList);
        }
        Map<String, List<Long>> storedByKey = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "talon", "talon"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT idempotency_key, id FROM talon_ticket WHERE idempotency_key IS NOT NULL")) {
            while (rs.next()) storedByKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
        List<String> twoTickets = storedByKey.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " -> " + e.getValue()).toList();
        List<String> differs = new ArrayList<>();
        Map<String, Long> ackedByKey = new HashMap<>();
        for (LoadGenerator.KeyedAck k : keyed) {
            Long earlier = ackedByKey.put(k.key(), k.id());
            if (earlier != null && earlier != k.id()) differs.add(k.key() + " acknowledged as " + earlier + " and " + k.id());
            List<Long> ids = storedByKey.get(k.key());
            if (ids == null || !ids.contains(k.id())) differs.add(k.key() + " acknowledged as ticket " + k.id() + ", stored as " + ids);
        }
        run.figure(String.format("idempotency keys: %,d acknowledged, %,d stored; keys with two tickets %d; keys acknowledged with another"
                + " ticket than stored %d", keyed.size(), storedByKey.size(), twoTickets.size(), differs.size()));
        run.check(!keyed.isEmpty(), "no keyed ticket was acknowledged");
        run.check(twoTickets.isEmpty(), twoTickets.size() + " idempotency keys yielded two tickets, e.g. "
                + twoTickets.subList(0, Math.min(10, twoTickets.size())));
        run.check(differs.isEmpty(), differs.size() + " keys acknowledged with another ticket than stored, e.g. "
                + differs.subList(0, Math.min(10, differs.size())));
    }

    private static void noServerErrors(Run run, Phases phases) {
        Map<String, Long> errors = phases.serverErrors();
        run.check(errors.isEmpty(), "answers of 500 or more other than 503: " + errors);
    }

    // ------------------------------------------------------------------ load

    private static LoadGenerator.Plan plan(Bench b, int kiosks, int counters) {
        // no warm-up: every answer counts; the run ends when the orchestration calls stop()
        return new LoadGenerator.Plan(b.port(), "demo", "A", b.kioskAuth, Bench.ADMIN, kiosks, Bench.counterIds(counters), false, 0, 64,
                0, 24 * 3600, 0);
    }

    /** Plays the load on a thread of its own until stop(); {@code b} closing stops it too, so no load outlives its run. */
    private static FutureTask<LoadGenerator.Result> start(LoadGenerator gen, Bench b) {
        FutureTask<LoadGenerator.Result> task = new FutureTask<>(gen::run);
        Thread t = new Thread(task, "reliability-load");
        t.setDaemon(true);
        t.start();
        b.onClose(gen::stop);
        return task;
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000);
    }

    /**
     * Answers counted by phase (the phase when the answer came): "op status" -> count, the longest
     * wait, the first 201, and whether 503s were problem+json.
     */
    static final class Phases implements LoadGenerator.AnswerObserver {
        private volatile String phase = "load";
        private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("load"));
        private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> longest = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> firsts = new ConcurrentHashMap<>();
        final LongAdder badUnavailable = new LongAdder();
        volatile String sample503;
        /** The first body of each refusal, "phase: op status" -> body. */
        private final Map<String, String> samples = new ConcurrentHashMap<>();
        /** When the first and the last request of a phase was refused for the server being away (503, 404, no answer). */
        private final Map<String, long[]> refusals = new ConcurrentHashMap<>();

        void enter(String p) {
            order.add(p);
            phase = p;
        }

        @Override
        public void answered(LoadGenerator.Answer a) {
            String p = phase;
            long now = System.nanoTime();
            counts.computeIfAbsent(p, k -> new ConcurrentHashMap<>()).computeIfAbsent(a.op() + " " + a.status(), k -> new LongAdder())
                    .increment();
            if (a.status() >= 0 || a.status() == LoadGenerator.TIMED_OUT) {
                longest.computeIfAbsent(p + "|" + a.op(), k -> new AtomicLong()).accumulateAndGet(a.tookNanos(), Math::max);
            }
            firsts.computeIfAbsent(p + "|" + a.op() + " " + a.status(), k -> new AtomicLong(now));
            if ((a.status() == 503 || a.status() == 404 || a.status() < 0) && !a.op().equals("ticket")) {
                long[] w = refusals.computeIfAbsent(p, k -> new long[] {now, now});
                synchronized (w) {
                    w[1] = Math.max(w[1], now);
                }
            }
            if ((a.status() >= 400 || a.status() < 0) && !a.op().equals("ticket")) {
                String body = a.body().replaceAll("\\s+", " ");
                samples.putIfAbsent(p + ": " + a.op() + " " + a.status(), String.format("(after %.2f s) ", a.tookNanos() / 1e9)
                        + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
            }
            if (a.status() == 503 && !a.op().equals("ticket")) {
                if (!a.contentType().equals("application/problem+json")) badUnavailable.increment();
                else if (sample503 == null && p.equals("outage")) sample503 = a.op() + ": " + a.body();
            }
        }

        /** nanoTime of the first such answer in the phase, waiting up to {@code seconds}; 0 if none came. */
        long awaitFirst(String p, String op, int status, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                AtomicLong t = firsts.get(p + "|" + op + " " + status);
                if (t != null) return t.get();
                Thread.sleep(20);
            }
            return 0;
        }

        /** {first, last} nanoTime of a refusal in the phase, or null if there was none. */
        long[] refusals(String p) {
            long[] w = refusals.get(p);
            if (w == null) return null;
            synchronized (w) {
                return w.clone();
            }
        }

        Map<String, Long> counts(String p) {
            Map<String, Long> out = new TreeMap<>();
            counts.getOrDefault(p, Map.of()).forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        long count(String p, String op, int status) {
            return counts(p).getOrDefault(op + " " + status, 0L);
        }

        /** Answers of this status in the phase, of any request (not the whole-ticket entries). */
        long countStatus(String p, int status) {
            return counts(p).entrySet().stream().filter(e -> !e.getKey().startsWith("ticket ") && e.getKey().endsWith(" " + status))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long countAll(int status) {
            return order.stream().distinct().mapToLong(p -> countStatus(p, status)).sum();
        }

        long countNot(String p, String op, int status) {
            return counts(p).entrySet().stream().filter(e -> e.getKey().startsWith(op + " ") && !e.getKey().equals(op + " " + status))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** Kiosk attempts that did not get their ticket in this phase, by status: what the retries absorbed. */
        Map<String, Long> retried(String p) {
            Map<String, Long> out = new TreeMap<>();
            counts(p).forEach((k, v) -> {
                if ((k.startsWith("issue ") || k.startsWith("connect ")) && !k.equals("issue 201")) out.put(k, v);
            });
            return out;
        }

        Map<String, Long> counterAnswers(String p) {
            Map<String, Long> out = new TreeMap<>();
            counts(p).forEach((k, v) -> {
                if (k.startsWith("call") || k.startsWith("finish") || k.startsWith("serve")) out.put(k, v);
            });
            return out;
        }

        long longestNanos(String p, String op) {
            AtomicLong l = longest.get(p + "|" + op);
            return l == null ? 0 : l.get();
        }

        /** The longest wait for one answer to one request, any phase. */
        long longestNanos() {
            return longest.entrySet().stream().filter(e -> !e.getKey().endsWith("|ticket")).mapToLong(e -> e.getValue().get()).max()
                    .orElse(0);
        }

        /** Answers >= 500 other than 503, "phase: op status" -> count. */
        Map<String, Long> serverErrors() {
            Map<String, Long> out = new TreeMap<>();
            for (String p : order.stream().distinct().toList()) {
                counts(p).forEach((k, v) -> {
                    int status = Integer.parseInt(k.substring(k.lastIndexOf(' ') + 1));
                    if (status >= 500 && status != 503 && !k.startsWith("ticket ")) out.put(p + ": " + k, v);
                });
            }
            return out;
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            for (String p : order.stream().distinct().toList()) {
                b.append("\n    ").append(p).append(": ").append(counts(p));
            }
            return b.toString();
        }

        /** The first answer body of each kind of refusal, by phase. */
        String samples() {
            StringBuilder b = new StringBuilder();
            new TreeMap<>(samples).forEach((k, v) -> b.append("\n    ").append(k).append(": ").append(v));
            return b.toString();
        }
    }
}
