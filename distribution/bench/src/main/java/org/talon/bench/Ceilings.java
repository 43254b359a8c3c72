package org.talon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The two limits a durable ticket cycle over HTTP runs into, measured on the same machine in
 * the same run: how many durable commits per second the database takes through plain JDBC with
 * the distribution's own durability settings (the limit of a design that commits once per
 * command), and how many requests per second the same Jetty serves from a trivial servlet.
 */
public final class Ceilings {
    private Ceilings() {
    }

    /** Commits per second of one connection inserting one row per transaction. */
    public static double jdbcCommitsPerSecond(String url, String user, String password, double seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_commit");
                s.execute("create table bench_commit (id bigint primary key, payload varchar(200))");
            }
            c.setAutoCommit(false);
            String payload = "x".repeat(150);
            long n = 0;
            try (PreparedStatement p = c.prepareStatement("insert into bench_commit (id, payload) values (?, ?)")) {
                long end = System.nanoTime() + (long) (seconds * 1e9);
                long t0 = System.nanoTime();
                while (System.nanoTime() < end) {
                    p.setLong(1, n++);
                    p.setString(2, payload);
                    p.executeUpdate();
                    c.commit();
                }
                double took = (System.nanoTime() - t0) / 1e9;
                try (Statement s = c.createStatement()) {
                    s.execute("drop table bench_commit");
                }
                c.commit();
                return n / took;
            }
        }
    }

    /**
     * The JDBC URL of the distribution's embedded database with its settings, pointed at a
     * fresh folder: the same durability, a different file.
     */
    public static String embeddedUrlLike(Path distributionHome, Path folder) throws Exception {
        for (String line : Files.readAllLines(distributionHome.resolve("etc/org.ops4j.datasource-talon.cfg"))) {
            String l = line.strip();
            if (l.startsWith("url") && l.contains("jdbc:h2:")) {
                String url = l.substring(l.indexOf('=') + 1).strip();
                int semi = url.indexOf(';');
                String options = semi < 0 ? "" : url.substring(semi);
                Files.createDirectories(folder);
                return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("ceiling") + options;
            }
        }
        throw new IllegalStateException("no H2 url in the distribution's datasource configuration");
    }

    /** A trivial endpoint's rate: {@code clients} keep-alive connections asking as fast as they can. */
    public static LoadGenerator.Result trivialRate(int port, String path, int clients, double warmup, double seconds) throws Exception {
        byte[] request = Http.request("GET", path, null, null);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        LongAdder count = new LongAdder();
        Recorder rec = new Recorder(3);
        CountDownLatch ready = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try (Http c = new Http(port, 30_000)) {
                    ready.countDown();
                    while (running.get()) {
                        long t0 = System.nanoTime();
                        int status = c.send(request, false);
                        if (status != 200) throw new IllegalStateException(path + " answered " + status);
                        if (measuring.get()) {
                            rec.recordValue(System.nanoTime() - t0);
                            count.increment();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "trivial-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        Thread.sleep((long) (warmup * 1000));
        rec.reset();
        long own0 = ProcFs.ownCpuNanos();
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        LoadGenerator.Result r = new LoadGenerator.Result();
        r.seconds = (System.nanoTime() - t0) / 1e9;
        r.ownCpuNanos = ProcFs.ownCpuNanos() - own0;
        running.set(false);
        for (Thread t : threads) t.join(10_000);
        r.cycles = count.sum();
        r.latency.put("GET " + path, rec.getIntervalHistogram());
        return r;
    }
}
