package org.talon.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Talon distribution started for a run: unpacked fresh, on free ports, on the embedded
 * database or a PostgreSQL server of its own, with a kiosk and a display token.
 */
public final class Bench implements AutoCloseable {
    public static final String PASSWORD = "Bench-Secret-1";
    public static final String ADMIN = Http.basic("admin", PASSWORD);

    public final TalonProcess talon;
    public final Postgres postgres;
    public final String kioskAuth;
    public final String displayAuth;
    public final long bootToFirstTicketMillis;

    /**
     * @param counters the demo branch gets counters 1..counters (at least its own 4)
     * @param onPostgres true: a fresh PostgreSQL server of its own instead of the embedded H2
     */
    public Bench(Path distribution, Path dir, int counters, boolean onPostgres) throws Exception {
        this(distribution, dir, counters, onPostgres, t -> {
        });
    }

    /** A setting an integrator makes before the first start (a .cfg file, a user). */
    public interface Setup {
        void apply(TalonProcess t) throws Exception;
    }

    /** @param setup applied to the unpacked distribution before it starts */
    public Bench(Path distribution, Path dir, int counters, boolean onPostgres, Setup setup) throws Exception {
        Postgres pg = null;
        TalonProcess t = null;
        try {
            if (onPostgres) pg = Postgres.start();
            t = new TalonProcess(distribution, dir, PASSWORD);
            t.demoCounters(counters);
            // one display token stands for the many screens of a run: let it hold as many streams
            t.setProperty("etc/org.talon.web.streams.cfg", "maxPerCaller", "20000");
            if (pg != null) t.usePostgres(pg.url("talon"));
            setup.apply(t);
            long t0 = System.nanoTime();
            t.start(java.util.Map.of("TALON_ADMIN_PASSWORD", PASSWORD));
            bootToFirstTicketMillis = awaitFirstTicket(t, t0);
            t.awaitReady();
            kioskAuth = "Bearer " + token(t.httpPort, "bench-kiosk", "kiosk");
            displayAuth = "Bearer " + token(t.httpPort, "bench-display", "display");
        } catch (Exception e) {
            if (t != null) t.close();
            if (pg != null) pg.close();
            throw e;
        }
        talon = t;
        postgres = pg;
    }

    public int port() {
        return talon.httpPort;
    }

    public long pid() throws java.io.IOException {
        return talon.pid();
    }

    public static List<String> counterIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) ids.add(String.valueOf(i));
        return ids;
    }

    /**
     * Polls every 20 ms until issuing a ticket works (that ticket waits like any other) and
     * returns the milliseconds since {@code t0}. When it does not within 180 s, the Karaf threads
     * are dumped to data/log/threads-no-first-ticket.txt.
     */
    static long awaitFirstTicket(TalonProcess t, long t0) throws Exception {
        byte[] issue = Http.request("POST", "/api/v1/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}");
        long deadline = t0 + 180_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try (Http h = new Http(t.httpPort, 30_000)) {
                int s = h.send(issue, true);
                if (s == 201) return (System.nanoTime() - t0) / 1_000_000;
                last = s + " " + h.lastBody;
            } catch (java.io.IOException notYet) {
                last = notYet.toString(); // not listening yet
            }
            Thread.sleep(20);
        }
        String dump = "";
        try {
            Path file = t.home.resolve("data/log/threads-no-first-ticket.txt");
            java.nio.file.Files.writeString(file, TalonProcess.run(List.of("jcmd", String.valueOf(t.pid()), "Thread.print"), java.util.Map.of(), 60));
            dump = "; threads in " + file;
        } catch (Exception e) {
            dump = "; no thread dump: " + e.getMessage();
        }
        throw new IllegalStateException("no ticket within 180 s of start, last answer: " + last + dump);
    }

    static String token(int port, String name, String role) throws Exception {
        try (Http h = new Http(port, 30_000)) {
            int s = h.send(Http.request("POST", "/api/v1/devices", ADMIN, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"), true);
            if (s != 201) throw new IllegalStateException("creating device " + name + ": " + s + " " + h.lastBody);
            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(h.lastBody);
            if (!m.find()) throw new IllegalStateException("no token in " + h.lastBody);
            return m.group(1);
        }
    }

    /** Issues {@code n} tickets of {@code service} as fast as {@code clients} connections can. */
    public void preload(int n, String service, int clients) throws Exception {
        byte[] issue = Http.request("POST", "/api/v1/branches/demo/tickets", kioskAuth, "{\"service\":\"" + service + "\"}");
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(n);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try (Http h = new Http(port(), 60_000)) {
                    while (left.getAndDecrement() > 0) {
                        int s = h.send(issue, false);
                        if (s != 201) throw new IllegalStateException("preload answered " + s);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        if (!failures.isEmpty()) throw failures.get(0);
    }

    private final List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs {@code r} first when this closes (e.g. stops a load generator still playing against it). */
    public void onClose(Runnable r) {
        onClose.add(r);
    }

    @Override
    public void close() throws Exception {
        for (Runnable r : onClose) r.run();
        try {
            if (talon.alive()) talon.stop();
        } catch (Exception e) {
            talon.close();
        } finally {
            if (postgres != null) postgres.close();
        }
    }
}
