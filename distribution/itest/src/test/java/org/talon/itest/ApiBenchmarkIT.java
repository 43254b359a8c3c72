package org.talon.itest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Prints figures of the HTTP API on this machine; asserts nothing about speed. Run with
 * {@code mvn -B -pl distribution/itest verify -Dit.test=ApiBenchmarkIT -Dtalon.bench=true}
 * after {@code mvn -B install -DskipTests}.
 */
class ApiBenchmarkIT {
    static final String PW = "Bench-Secret-1";
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PW).getBytes(StandardCharsets.UTF_8));

    record Result(long requests, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) return Double.NaN;
            return latenciesNanos[Math.min(latenciesNanos.length - 1, (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1)] / 1e6;
        }
    }

    static Result load(int port, int clients, double seconds, byte[] request) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            long[] lat = new long[2_000_000];
            int[] n = new int[1];
            perThread.add(lat);
            counts.add(n);
            threads.add(new Thread(() -> {
                try (RawHttp c = new RawHttp(port)) {
                    ready.countDown();
                    while (running.get()) {
                        long t0 = System.nanoTime();
                        int status = c.send(request, false);
                        if (status >= 300) throw new IllegalStateException("status " + status);
                        if (n[0] < lat.length) lat[n[0]] = System.nanoTime() - t0;
                        n[0]++;
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        ready.await();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        running.set(false);
        for (Thread t : threads) t.join();
        double took = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            total += counts.get(i)[0];
            for (int k = 0; k < Math.min(counts.get(i)[0], perThread.get(i).length); k++) all.add(perThread.get(i)[k]);
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(total, took, sorted);
    }

    @Test
    void printFigures() throws Exception {
        assumeTrue(Boolean.getBoolean("talon.bench"), "run with -Dtalon.bench=true");
        try (KarafProcess k = new KarafProcess("bench", PW)) {
            k.start(Map.of("TALON_ADMIN_PASSWORD", PW));
            k.awaitReady();
            int port = k.httpPort;
            try (RawHttp c = new RawHttp(port)) {
                while (c.send(RawHttp.request("GET", "/api/v1/capabilities", ADMIN, null), false) != 200) Thread.sleep(100);
            }
            sseLatency(port, 100, 50);

            byte[] health = RawHttp.request("GET", "/health", null, null);
            byte[] issue = RawHttp.request("POST", "/api/v1/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}");
            load(port, 8, 3, health);
            Result trivial = load(port, 8, 5, health);
            load(port, 8, 2, issue);
            Result issued = load(port, 8, 5, issue);
            System.out.printf("trivial servlet GET /health, 8 clients: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                    trivial.perSecond(), trivial.percentileMillis(50), trivial.percentileMillis(99));
            System.out.printf("POST tickets (durable), 8 clients: %.0f req/s, p50 %.2f ms, p99 %.2f ms (%.1f%% of the trivial servlet)%n",
                    issued.perSecond(), issued.percentileMillis(50), issued.percentileMillis(99),
                    100 * issued.perSecond() / trivial.perSecond());
            System.out.printf("server RSS after the runs: %d MiB%n", k.rssMiB());
        }
    }

    /** Call -> received latency of the event stream with {@code clients} connected. */
    static void sseLatency(int port, int clients, int events) throws Exception {
        Map<Long, List<Long>> arrivals = new ConcurrentHashMap<>();
        Pattern id = Pattern.compile("\"ticketId\":(\\d+)");
        List<Socket> sockets = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Socket s = new Socket("127.0.0.1", port);
            sockets.add(s);
            s.getOutputStream().write(("GET /api/v1/branches/demo/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread t = new Thread(() -> {
                try {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    connected.countDown();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("data:") && line.contains("TicketIssued") == false) {
                            Matcher m = id.matcher(line);
                            if (m.find()) arrivals.computeIfAbsent(Long.parseLong(m.group(1)), x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime());
                        } else if (line.startsWith("data:")) {
                            Matcher m = id.matcher(line);
                            if (m.find()) arrivals.computeIfAbsent(Long.parseLong(m.group(1)), x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime());
                        }
                    }
                } catch (Exception ignored) {
                    // closed at the end
                }
            });
            t.setDaemon(true);
            t.start();
        }
        connected.await();
        Thread.sleep(1000);
        Map<Long, Long> sent = new ConcurrentHashMap<>();
        Pattern idInReply = Pattern.compile("\"id\":(\\d+)");
        try (RawHttp c = new RawHttp(port)) {
            byte[] issue = RawHttp.request("POST", "/api/v1/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}");
            for (int i = 0; i < events; i++) {
                long t0 = System.nanoTime();
                c.send(issue, true);
                Matcher m = idInReply.matcher(c.lastBody);
                if (m.find()) sent.put(Long.parseLong(m.group(1)), t0);
                Thread.sleep(50);
            }
        }
        Thread.sleep(2000);
        List<Long> lat = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Long, Long> e : sent.entrySet()) {
            List<Long> got = arrivals.getOrDefault(e.getKey(), List.of());
            missing += clients - got.size();
            for (long t : got) lat.add(t - e.getValue());
        }
        long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        Result r = new Result(sorted.length, 1, sorted);
        System.out.printf("SSE, %d clients, %d tickets issued 50 ms apart: issue -> received p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d deliveries missing%n",
                clients, events, r.percentileMillis(50), r.percentileMillis(99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, missing);
        for (Socket s : sockets) s.close();
    }
}
