package org.talon.bench;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of {@code distribution/bench/run}, each against a distribution it starts itself.
 * Figures are printed; nothing here asserts a speed.
 */
public final class Main {
    private final Map<String, String> options = new HashMap<>();
    private final Path distribution;
    private final Path work;

    private Main(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("options are --name value, not " + args[i]);
            String name = args[i].substring(2);
            if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
            options.put(name, args[++i]);
        }
        distribution = Path.of(System.getProperty("talon.distribution", "distribution/karaf/target/talon-distribution-0.1.0-SNAPSHOT.tar.gz"));
        work = Path.of(System.getProperty("talon.work", "distribution/bench/target/run"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Main m;
        try {
            m = new Main(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        int code = switch (args[0]) {
            case "cycles" -> m.cycles(false);
            case "served" -> m.cycles(true);
            case "displays" -> m.displays();
            case "boot" -> m.boot();
            case "scale" -> m.scale();
            case "branches" -> m.branches();
            case "ui" -> Pages.run(m.distribution, m.work, m.num("calls", 100));
            case "booking" -> BookingBench.run(m.distribution, m.work, m.num("clients", 16), m.num("requests", 3000), m.num("messages", 500));
            case "requests" -> RequestsBench.run(m.distribution, m.work, m.num("open", 100_000), m.num("clients", 16), m.num("intake", 20_000));
            case "hardware" -> HardwareBench.run(m.distribution, m.work, m.num("tickets", 50), m.num("calls", 200), m.num("updates", 5));
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(code);
    }

    private static void usage() {
        System.err.println("""
                usage: distribution/bench/run <run> [--option value ...]
                  requests  the work list with --open 100000 requests (engine alone), intake over HTTP: --clients 16 --intake 20000
                  cycles    issue -> call -> finish over HTTP: --kiosks 8 --counters 8 --seconds 20 --warmup 30 --db h2|postgres
                            --waiting 64 (bound on waiting tickets) --preload 0 (tickets waiting in line A before the run)
                            --config pid:key=value,... (set on the console first, e.g. org.talon.event:lingerMicros=0)
                  served    issue -> call -> serve -> finish with service times: --counters 8 --service-ms 3000 (as cycles)
                  displays  SSE hall displays, call -> display latency: --displays 2000 --counters 4 --cycle-ms 400 --seconds 20
                            --display-warmup 10 (seconds of calls after the displays connect, not measured)
                  branches  many branches on one node, each with its own kiosks and counters on its own writer:
                            --branches 1,4,16 --kiosks 2 --counters 2 (per branch) --seconds 15 --warmup 25 --db h2|postgres
                  boot      start to first ticket, beside a stock Karaf 4.4.10 on the same machine: --times 3
                  scale     the cycle and display figures at three sizes of waiting tickets, counters and displays
                            --only waiting,counters,displays (default all three)
                  ui        the pages in headless Chromium: operator's key -> hall display over --calls 100, page weights
                  hardware  printers and a counter display played by emulators on socat pseudo-terminals and TCP: print time
                            per ticket (--tickets 50), call -> bytes at the counter display (--calls 200), driver hot update (--updates 5)
                  jmh       the engine's JMH benchmarks (options are JMH's)
                  reliability  kill -9, PostgreSQL outage, bundle:update and malformed requests under load""");
    }

    private int num(String name, int def) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(def)));
    }

    private double dbl(String name, double def) {
        return Double.parseDouble(options.getOrDefault(name, String.valueOf(def)));
    }

    private boolean postgres() {
        String db = options.getOrDefault("db", "h2");
        if (!db.equals("h2") && !db.equals("postgres")) throw new IllegalArgumentException("--db is h2 or postgres, not " + db);
        return db.equals("postgres");
    }

    /** One cycle run with its ceilings; figures printed, the ratios to the targets too. */
    int cycles(boolean served) throws Exception {
        int kiosks = num("kiosks", 8);
        int counters = num("counters", 8);
        double seconds = dbl("seconds", 20);
        // JIT compilation of the whole path takes 20-30 s on two cores; measure after it
        double warmup = dbl("warmup", 30);
        int preload = num("preload", 0);
        boolean pg = postgres();
        try (Bench b = new Bench(distribution, work.resolve(served ? "served" : "cycles"), Math.max(4, counters), pg)) {
            System.out.printf("Talon on %s, %d kiosks, %d counters%s; boot to first ticket %d ms%n", pg ? "PostgreSQL" : "embedded H2",
                    kiosks, counters, served ? ", service ~" + num("service-ms", 3000) + " ms" : "", b.bootToFirstTicketMillis);
            configure(b);
            if (preload > 0) {
                long t0 = System.nanoTime();
                b.preload(preload, "A", 8);
                System.out.printf("preloaded %,d tickets waiting in queue A in %.1f s%n", preload, (System.nanoTime() - t0) / 1e9);
            }
            LoadGenerator.Plan plan = new LoadGenerator.Plan(b.port(), "demo", "A", b.kioskAuth, Bench.ADMIN, kiosks,
                    Bench.counterIds(counters), served, num("service-ms", 3000), num("waiting", 64), warmup, seconds, 0);
            LoadGenerator.Result r = new LoadGenerator(plan, b.pid()).run();
            System.out.println(r.describe());
            if (served) {
                // a realistic hall: the counters' service times, not the server, set the pace
                return r.serverErrors() == 0 ? 0 : 1;
            }
            LoadGenerator.Result trivial = Ceilings.trivialRate(b.port(), "/health", kiosks + counters, 3, Math.min(10, seconds));
            double trivialRate = trivial.cyclesPerSecond();
            double jdbc;
            if (pg) {
                jdbc = Ceilings.jdbcCommitsPerSecond(b.postgres.url("talon"), "talon", "talon", 5);
            } else {
                jdbc = Ceilings.jdbcCommitsPerSecond(Ceilings.embeddedUrlLike(b.talon.home, work.resolve("jdbc-ceiling")), "talon", "talon", 5);
            }
            System.out.printf("ceiling, HTTP: trivial servlet GET /health %,.0f req/s with %d clients (p99 %.2f ms); a cycle is 3 requests,"
                    + " so %,.0f cycles/s; Talon reaches %.0f %% of it%n", trivialRate, kiosks + counters,
                    trivial.latency.values().iterator().next().getValueAtPercentile(99) / 1e6, trivialRate / 3,
                    100 * r.cyclesPerSecond() / (trivialRate / 3));
            System.out.printf("ceiling, database: %,.0f durable commits/s through plain JDBC (one connection, one row per commit,"
                    + " the distribution's settings): a design that commits each of a cycle's 3 commands would stop at %,.0f cycles/s;"
                    + " Talon's group commits reach %.2f x that%n", jdbc, jdbc / 3, r.cyclesPerSecond() / (jdbc / 3));
            double cpu = r.serverCpuNanos / 1e3 / Math.max(1, r.cycles);
            System.out.printf("targets: %,.0f cycles/s (target >= 4,000); %.0f us server CPU per cycle (<= 250); %.0f %% of the HTTP"
                    + " ceiling (>= 50 %%); server RSS %d MiB (<= 400)%n", r.cyclesPerSecond(), cpu,
                    100 * r.cyclesPerSecond() / (trivialRate / 3), r.serverRssKiB / 1024);
            return r.serverErrors() == 0 ? 0 : 1;
        }
    }

    /** {@code --config pid:key=value[,key=value]}: a setting changed on the console before the run, as an admin would. */
    private void configure(Bench b) throws Exception {
        String c = options.get("config");
        if (c == null) return;
        int colon = c.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("--config is pid:key=value[,key=value], not " + c);
        List<String> commands = new ArrayList<>();
        commands.add("config:edit " + c.substring(0, colon));
        for (String kv : c.substring(colon + 1).split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--config settings are key=value, not " + kv);
            commands.add("config:property-set " + kv.substring(0, eq).strip() + " " + kv.substring(eq + 1).strip());
        }
        commands.add("config:update");
        b.talon.client(commands.toArray(new String[0]));
        Thread.sleep(3000); // the component restarts with its new configuration
        System.out.println("configured " + c);
    }

    /**
     * {@code --branches 1,4,16}: for each count a fresh distribution with that many branches
     * (b1..bN, one service, two counters each, set up by .cfg files as an integrator does), each
     * played by its own kiosks and counters at once. The figures are the sums over all branches;
     * the server's CPU is read once for the whole node.
     */
    int branches() throws Exception {
        int kiosks = num("kiosks", 2);
        int counters = num("counters", 2);
        double seconds = dbl("seconds", 15);
        double warmup = dbl("warmup", 25);
        boolean pg = postgres();
        int failures = 0;
        List<String> rows = new ArrayList<>();
        rows.add("| branches | kiosks + counters | cycles/s (all branches) | per branch | server CPU us/cycle | issue p99 ms | call p99 ms | server RSS MiB |");
        rows.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String n : options.getOrDefault("branches", "1,4,16").split(",")) {
            int count = Integer.parseInt(n.strip());
            try (Bench b = new Bench(distribution, work.resolve("branches-" + count), 4, pg, t -> {
                for (int i = 1; i <= count; i++) branch(t, "b" + i, counters);
            })) {
                List<LoadGenerator> gens = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    gens.add(new LoadGenerator(new LoadGenerator.Plan(b.port(), "b" + i, "A", b.kioskAuth, Bench.ADMIN, kiosks,
                            Bench.counterIds(counters), false, 0, 64, warmup, seconds, 0), b.pid()));
                }
                List<java.util.concurrent.Future<LoadGenerator.Result>> results = new ArrayList<>();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
                for (LoadGenerator g : gens) results.add(pool.submit(g::run));
                long cyclesAll = 0;
                double secondsAll = 0;
                long cpu = 0;
                long rss = 0;
                org.HdrHistogram.Histogram issue = new org.HdrHistogram.Histogram(3);
                org.HdrHistogram.Histogram call = new org.HdrHistogram.Histogram(3);
                for (var f : results) {
                    LoadGenerator.Result r = f.get();
                    cyclesAll += r.cycles;
                    secondsAll = Math.max(secondsAll, r.seconds);
                    cpu = Math.max(cpu, r.serverCpuNanos); // the same node's CPU, read by each over the same window
                    rss = Math.max(rss, r.serverRssKiB);
                    if (r.latency.containsKey("issue")) issue.add(r.latency.get("issue"));
                    if (r.latency.containsKey("call")) call.add(r.latency.get("call"));
                    if (r.serverErrors() > 0) failures++;
                }
                pool.shutdown();
                double rate = cyclesAll / secondsAll;
                String row = String.format("| %d | %d + %d each | %,.0f | %,.0f | %.0f | %.2f | %.2f | %d |", count, kiosks, counters, rate,
                        rate / count, cpu / 1e3 / Math.max(1, cyclesAll), issue.getValueAtPercentile(99) / 1e6,
                        call.getValueAtPercentile(99) / 1e6, rss / 1024);
                System.out.println(row);
                rows.add(row);
            }
        }
        System.out.println(String.join("\n", rows));
        return failures == 0 ? 0 : 1;
    }

    /** A branch as an integrator adds one: its .cfg files, one service (A) and {@code counters} counters. */
    static void branch(TalonProcess t, String id, int counters) throws java.io.IOException {
        java.nio.file.Path etc = t.home.resolve("etc");
        java.nio.file.Files.writeString(etc.resolve("org.talon.queue.branch-" + id + ".cfg"),
                "id = " + id + "\nname = Branch " + id + "\ntimeZone = Europe/Warsaw\nlocales = en\n");
        java.nio.file.Files.writeString(etc.resolve("org.talon.queue.service-" + id + "-A.cfg"),
                "branch = " + id + "\ncode = A\nname.en = General\ntargetWaitMinutes = 15\nexpectedServiceMinutes = 5\n");
        java.nio.file.Files.writeString(etc.resolve("org.talon.queue.profile-" + id + "-standard.cfg"),
                "branch = " + id + "\nid = standard\nrule = LONGEST_WAIT\nqueues = A\n");
        for (int c = 1; c <= counters; c++) {
            java.nio.file.Files.writeString(etc.resolve("org.talon.queue.counter-" + id + "-" + c + ".cfg"),
                    "branch = " + id + "\nid = " + c + "\nname = Window " + c + "\nprofile = standard\n");
        }
    }

    /** K displays on the event stream while counters call at a steady pace. */
    int displays() throws Exception {
        int k = num("displays", 2000);
        int counters = num("counters", 4);
        try (Bench b = new Bench(distribution, work.resolve("displays"), Math.max(4, counters), false)) {
            Figures f = displays(b, k, counters, num("cycle-ms", 400), dbl("display-warmup", 10), dbl("seconds", 20));
            System.out.println(f.text);
            return f.lost ? 1 : 0;
        }
    }

    record Figures(String text, boolean lost) {
    }

    /**
     * Calls at a steady pace while {@code k} displays listen. The first {@code warmup} seconds
     * after the displays connect are not measured: the fan-out path to thousands of streams is
     * compiled only once they are there (its first passes took up to 208 ms, later ones 40-60 ms).
     */
    static Figures displays(Bench b, int k, int counters, int cycleMillis, double warmup, double seconds) throws Exception {
        // the JIT first: a burst of cycles at full speed, then the displays connect
        new LoadGenerator(new LoadGenerator.Plan(b.port(), "demo", "A", b.kioskAuth, Bench.ADMIN, 4, Bench.counterIds(counters),
                false, 0, 64, 0, 20, 0), b.pid()).run();
        try (Displays d = new Displays(b.port(), b.displayAuth, "demo", k)) {
            LoadGenerator.Plan plan = new LoadGenerator.Plan(b.port(), "demo", "A", b.kioskAuth, Bench.ADMIN, 2,
                    Bench.counterIds(counters), false, 0, 16, warmup, seconds, cycleMillis);
            LoadGenerator gen = new LoadGenerator(plan, b.pid()).observeCalls(d);
            LoadGenerator.Result r = gen.run();
            Displays.Figures f = d.figures(10_000);
            String text = f.describe() + String.format("%n  while %s", r.describe().replace("\n", "\n  "))
                    + String.format("%n  server RSS with %d displays: %d MiB", k, b.talon.rssMiB());
            return new Figures(text, f.missing() > 0 || f.missed() > 0 || f.duplicated() > 0);
        }
    }

    /** Start to first ticket of Talon, beside start to SSH console of a stock Karaf. */
    int boot() throws Exception {
        int times = num("times", 3);
        Path stockZip = Path.of(System.getProperty("talon.stockKaraf", System.getProperty("user.home")
                + "/.m2/repository/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.zip"));
        List<Long> talon = new ArrayList<>();
        List<Long> talonSsh = new ArrayList<>();
        List<Long> talonAgain = new ArrayList<>();
        List<Long> stock = new ArrayList<>();
        List<Long> stockAgain = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Path dir = work.resolve("boot-talon");
            TalonProcess t = new TalonProcess(distribution, dir, Bench.PASSWORD);
            try {
                // a first start (features resolved, database created and migrated), then a restart
                long t0 = System.nanoTime();
                t.start(Map.of("TALON_ADMIN_PASSWORD", Bench.PASSWORD));
                talonSsh.add(awaitSshBanner(t.sshPort, t0));
                talon.add(Bench.awaitFirstTicket(t, t0));
                if (i == times - 1) System.out.printf("Talon RSS after boot: %d MiB%n", t.rssMiB());
                t.stop();
                t0 = System.nanoTime();
                t.start(Map.of());
                talonAgain.add(Bench.awaitFirstTicket(t, t0));
                t.stop();
            } finally {
                t.close();
            }
            Path sdir = work.resolve("boot-stock");
            TalonProcess.deleteTree(sdir);
            Files.createDirectories(sdir);
            TalonProcess.run(List.of("unzip", "-q", stockZip.toString(), "-d", sdir.toString()), Map.of(), 120);
            Path home = sdir.resolve("apache-karaf-4.4.10");
            int ssh = TalonProcess.freePort();
            setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
            setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(TalonProcess.freePort()));
            setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(TalonProcess.freePort()));
            for (List<Long> into : List.of(stock, stockAgain)) {
                long t0 = System.nanoTime();
                TalonProcess.run(List.of(home.resolve("bin/start").toString()), Map.of(), 60);
                into.add(awaitSshBanner(ssh, t0));
                TalonProcess.run(List.of(home.resolve("bin/stop").toString()), Map.of(), 60);
                Thread.sleep(2000);
            }
        }
        System.out.printf("boot, %d times: Talon first start -> SSH console %s ms, -> first ticket over HTTP %s ms; restart -> first"
                + " ticket %s ms; stock Karaf 4.4.10 first start -> SSH console %s ms, restart %s ms%n", times, talonSsh, talon,
                talonAgain, stock, stockAgain);
        System.out.printf("median, first start: Talon first ticket %d ms, stock Karaf %d ms: %.2f x (target <= 1.5 x)%n", median(talon),
                median(stock), median(talon) / (double) median(stock));
        System.out.printf("median, restart: Talon first ticket %d ms, stock Karaf %d ms: %.2f x%n", median(talonAgain),
                median(stockAgain), median(talonAgain) / (double) median(stockAgain));
        return 0;
    }

    private static long median(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static void setProperty(Path file, String key, String value) throws java.io.IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*"));
        lines.add(key + " = " + value);
        Files.write(file, lines);
    }

    /** Milliseconds from t0 until the SSH server on the port sends its banner. */
    private static long awaitSshBanner(int port, long t0) throws InterruptedException {
        while (System.nanoTime() - t0 < 180_000_000_000L) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(2000);
                byte[] b = new byte[4];
                if (s.getInputStream().readNBytes(b, 0, 4) == 4 && new String(b).equals("SSH-")) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no SSH console on port " + port);
    }

    /** How cost grows with waiting tickets, counters and displays: one table. */
    int scale() throws Exception {
        double seconds = dbl("seconds", 15);
        double warmup = dbl("warmup", 25);
        List<String> rows = new ArrayList<>();
        rows.add("| what | size | cycles/s | server CPU us/cycle | issue p99 ms | call p99 ms | finish p99 ms | server RSS MiB |");
        rows.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
        String only = options.getOrDefault("only", "waiting,counters,displays");
        for (int waiting : only.contains("waiting") ? new int[] {100, 10_000, 100_000} : new int[0]) {
            try (Bench b = new Bench(distribution, work.resolve("scale"), 8, false)) {
                b.preload(waiting, "A", 8);
                rows.add(row("waiting tickets", waiting, run(b, 8, 8, 64, warmup, seconds)));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        for (int counters : only.contains("counters") ? new int[] {4, 32, 128} : new int[0]) {
            try (Bench b = new Bench(distribution, work.resolve("scale"), counters, false)) {
                // enough waiting for every counter to have someone to call
                rows.add(row("counters", counters, run(b, 8, counters, Math.max(64, 2 * counters), warmup, seconds)));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        List<String> drows = new ArrayList<>();
        for (int k : only.contains("displays") ? new int[] {10, 500, 2000} : new int[0]) {
            try (Bench b = new Bench(distribution, work.resolve("scale"), 4, false)) {
                Figures f = displays(b, k, 4, 400, 10, seconds);
                drows.add("display clients " + k + ": " + f.text);
                System.out.println(drows.get(drows.size() - 1));
            }
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println();
        drows.forEach(System.out::println);
        return 0;
    }

    private static LoadGenerator.Result run(Bench b, int kiosks, int counters, int maxWaiting, double warmup, double seconds)
            throws Exception {
        LoadGenerator.Plan plan = new LoadGenerator.Plan(b.port(), "demo", "A", b.kioskAuth, Bench.ADMIN, kiosks,
                Bench.counterIds(counters), false, 0, maxWaiting, warmup, seconds, 0);
        return new LoadGenerator(plan, b.pid()).run();
    }

    private static String row(String what, int size, LoadGenerator.Result r) {
        return String.format("| %s | %,d | %,.0f | %.0f | %.2f | %.2f | %.2f | %d |", what, size, r.cyclesPerSecond(),
                r.serverCpuNanos / 1e3 / Math.max(1, r.cycles), p99(r, "issue"), p99(r, "call"), p99(r, "finish"), r.serverRssKiB / 1024);
    }

    private static double p99(LoadGenerator.Result r, String op) {
        var h = r.latency.get(op);
        return h == null ? Double.NaN : h.getValueAtPercentile(99) / 1e6;
    }
}
