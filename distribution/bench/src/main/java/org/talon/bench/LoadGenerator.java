package org.talon.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Plays a branch day over HTTP: kiosks issue tickets while counters call and finish them (or
 * call, serve for a service time, and finish). Every client is one thread on one keep-alive
 * socket. A bound on waiting tickets keeps the line from growing without end when kiosks are
 * faster than counters.
 *
 * <p>Every {@code 201} a kiosk receives is remembered as an acknowledged ticket, so a
 * reliability run can compare them with what the server still has after a crash.
 */
public final class LoadGenerator {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([^\"]+)\"");

    /**
     * What to play.
     *
     * @param maxWaiting  kiosks issue only while fewer of their tickets wait than this (0: no bound)
     * @param cycleMillis a counter starts its next cycle no sooner than this after the last (0: at once)
     */
    public record Plan(int port, String branch, String service, String kioskAuth, String counterAuth, int kiosks,
            List<String> counters, boolean serve, long serviceMillis, int maxWaiting, double warmupSeconds, double seconds,
            long cycleMillis) {
        public Plan {
            if (kiosks < 0 || counters == null) throw new IllegalArgumentException("kiosks >= 0 and counters needed");
        }

        public Plan withSeconds(double warmup, double measured) {
            return new Plan(port, branch, service, kioskAuth, counterAuth, kiosks, counters, serve, serviceMillis, maxWaiting, warmup, measured,
                    cycleMillis);
        }
    }

    /** A ticket the server acknowledged with 201. */
    public record Acked(long id, String number) {
    }

    /** The figures of one run (of its measured part, after the warm-up). */
    public static final class Result {
        public long cycles;
        public double seconds;
        public final Map<String, Histogram> latency = new TreeMap<>();
        /** Answers by operation and status, e.g. {@code issue 201 -> 10234}. */
        public final Map<String, Long> statuses = new TreeMap<>();
        /** Requests that got no answer (connection refused, cut, timed out). */
        public long unanswered;
        public long serverCpuNanos = -1;
        public long ownCpuNanos;
        public long serverRssKiB = -1;
        /** Every ticket acknowledged during the whole run, warm-up included. */
        public final List<Acked> acked = Collections.synchronizedList(new ArrayList<>());

        public double cyclesPerSecond() {
            return cycles / seconds;
        }

        public long count(String op, int status) {
            return statuses.getOrDefault(op + " " + status, 0L);
        }

        /** Answers of 500 or more, of any operation. */
        public long serverErrors() {
            return statuses.entrySet().stream().filter(e -> Integer.parseInt(e.getKey().substring(e.getKey().indexOf(' ') + 1)) >= 500)
                    .filter(e -> !e.getKey().endsWith(" 503")).mapToLong(Map.Entry::getValue).sum();
        }

        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%,d cycles in %.1f s: %,.0f cycles/s", cycles, seconds, cyclesPerSecond()));
            if (serverCpuNanos >= 0 && cycles > 0) {
                b.append(String.format("; server CPU %.0f us/cycle (%.2f cores)", serverCpuNanos / 1e3 / cycles, serverCpuNanos / 1e9 / seconds));
            }
            if (cycles > 0) {
                b.append(String.format("; load generator CPU %.0f us/cycle (%.2f cores)", ownCpuNanos / 1e3 / cycles, ownCpuNanos / 1e9 / seconds));
            }
            if (serverRssKiB > 0) b.append(String.format("; server RSS %d MiB", serverRssKiB / 1024));
            b.append('\n');
            for (Map.Entry<String, Histogram> e : latency.entrySet()) {
                Histogram h = e.getValue();
                if (h.getTotalCount() == 0) continue;
                b.append(String.format("  %-12s %,9d requests  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", e.getKey(), h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6));
            }
            b.append("  answers: ").append(statuses);
            if (unanswered > 0) b.append(", unanswered: ").append(unanswered);
            return b.toString();
        }
    }

    private final Plan plan;
    private final long serverPid;
    private volatile boolean running = true;
    private volatile boolean measuring;
    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder cycles = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final Semaphore waiting;
    private final Result result = new Result();
    /** Called with the id of every ticket a counter called, when it was called (for display latency). */
    private volatile CallObserver observer;

    public interface CallObserver {
        /** @param sentNanos System.nanoTime() just before the call request was sent */
        void called(long ticketId, long sentNanos);
    }

    public LoadGenerator(Plan plan, long serverPid) {
        this.plan = plan;
        this.serverPid = serverPid;
        this.waiting = new Semaphore(plan.maxWaiting() <= 0 ? Integer.MAX_VALUE : plan.maxWaiting());
    }

    public LoadGenerator observeCalls(CallObserver o) {
        this.observer = o;
        return this;
    }

    /** Runs the plan to its end and returns the figures of its measured part. */
    public Result run() throws Exception {
        List<Thread> threads = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(plan.kiosks() + plan.counters().size());
        for (int i = 0; i < plan.kiosks(); i++) {
            threads.add(thread("kiosk-" + i, connected, this::kiosk));
        }
        for (String c : plan.counters()) {
            threads.add(thread("counter-" + c, connected, http -> counter(http, c)));
        }
        threads.forEach(Thread::start);
        connected.await(30, TimeUnit.SECONDS);
        Thread.sleep((long) (plan.warmupSeconds() * 1000));
        recorders.values().forEach(Recorder::reset);
        statuses.clear();
        cycles.reset();
        unanswered.reset();
        long cpu0 = serverCpu();
        long own0 = ProcFs.ownCpuNanos();
        long t0 = System.nanoTime();
        measuring = true;
        Thread.sleep((long) (plan.seconds() * 1000));
        measuring = false;
        long t1 = System.nanoTime();
        long cpu1 = serverCpu();
        long own1 = ProcFs.ownCpuNanos();
        result.cycles = cycles.sum();
        result.unanswered = unanswered.sum();
        running = false;
        waiting.release(10_000);
        for (Thread t : threads) t.join(60_000);
        result.seconds = (t1 - t0) / 1e9;
        result.serverCpuNanos = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
        result.ownCpuNanos = own1 - own0;
        try {
            if (serverPid > 0) result.serverRssKiB = ProcFs.rssKiB(serverPid);
        } catch (IOException ignored) {
            // the server is gone (a reliability run killed it)
        }
        recorders.forEach((op, r) -> result.latency.put(op, r.getIntervalHistogram()));
        statuses.forEach((k, v) -> result.statuses.put(k, v.sum()));
        return result;
    }

    /** Ends a run early (its figures are those gathered so far). */
    public void stop() {
        running = false;
    }

    public List<Acked> acked() {
        return result.acked;
    }

    private long serverCpu() {
        try {
            return serverPid > 0 ? ProcFs.cpuNanos(serverPid) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private interface Client {
        void play(Http http) throws Exception;
    }

    private Thread thread(String name, CountDownLatch connected, Client client) {
        Thread t = new Thread(() -> {
            boolean first = true;
            while (running) {
                try (Http http = new Http(plan.port(), 60_000)) {
                    if (first) connected.countDown();
                    first = false;
                    client.play(http);
                } catch (Exception e) {
                    // the connection was refused or cut (a restart, a crash): count it, connect again
                    if (first) connected.countDown();
                    first = false;
                    if (running && measuring) unanswered.increment();
                    pause(50);
                }
            }
        }, "load-" + name);
        t.setDaemon(true);
        return t;
    }

    private void kiosk(Http http) throws Exception {
        byte[] issue = Http.request("POST", "/api/v1/branches/" + plan.branch() + "/tickets", plan.kioskAuth(),
                "{\"service\":\"" + plan.service() + "\"}");
        while (running) {
            if (!waiting.tryAcquire(100, TimeUnit.MILLISECONDS)) continue;
            long t0 = System.nanoTime();
            int status = http.send(issue, true);
            record("issue", status, t0);
            if (status == 201) {
                Matcher id = ID.matcher(http.lastBody);
                Matcher number = NUMBER.matcher(http.lastBody);
                if (id.find() && number.find()) result.acked.add(new Acked(Long.parseLong(id.group(1)), number.group(1)));
            } else {
                waiting.release();
                if (status >= 500) pause(20);
            }
        }
    }

    private void counter(Http http, String counter) throws Exception {
        String base = "/api/v1/branches/" + plan.branch() + "/counters/" + counter + "/";
        byte[] call = Http.request("POST", base + "call", plan.counterAuth(), null);
        byte[] serve = Http.request("POST", base + "serve", plan.counterAuth(), null);
        byte[] finish = Http.request("POST", base + "finish", plan.counterAuth(), null);
        // a counter left holding a ticket by an earlier run (or a crash) finishes it first
        int s = http.send(finish, false);
        if (s >= 500 && s != 503) record("finish", s, System.nanoTime());
        long cycleStart = 0;
        while (running) {
            if (plan.cycleMillis() > 0) {
                long wait = plan.cycleMillis() - (System.nanoTime() - cycleStart) / 1_000_000;
                pause(wait);
                cycleStart = System.nanoTime();
            }
            long t0 = System.nanoTime();
            int status = http.send(call, observer != null);
            if (status == 204) {
                record("call-empty", status, t0);
                pause(1);
                continue;
            }
            record("call", status, t0);
            if (status != 200) {
                if (status == 409) http.send(finish, false); // still holds a ticket (after a failed finish)
                pause(status >= 500 ? 20 : 1);
                continue;
            }
            waiting.release();
            CallObserver o = observer;
            if (o != null) {
                Matcher id = ID.matcher(http.lastBody);
                if (id.find()) o.called(Long.parseLong(id.group(1)), t0);
            }
            if (plan.serve()) {
                t0 = System.nanoTime();
                record("serve", http.send(serve, false), t0);
                // the customer at the counter: a service time around the plan's, never negative
                long ms = (long) Math.max(0, plan.serviceMillis() * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
                pause(ms);
            }
            t0 = System.nanoTime();
            int f = http.send(finish, false);
            record("finish", f, t0);
            if (f == 200 && measuring) cycles.increment();
        }
    }

    private void record(String op, int status, long t0) {
        long took = System.nanoTime() - t0;
        if (!measuring) return;
        recorders.computeIfAbsent(op, k -> new Recorder(3)).recordValue(Math.max(1, took));
        statuses.computeIfAbsent(op + " " + status, k -> new LongAdder()).increment();
    }

    private static void pause(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
