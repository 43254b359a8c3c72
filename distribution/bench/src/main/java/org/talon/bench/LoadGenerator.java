package org.talon.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
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
 *
 * <p>With {@link #retryingKiosks(long)} the kiosks behave as a real kiosk does: each ticket
 * attempt carries an {@code Idempotency-Key}, and a 503, a failed connection, or a 404 on the
 * path this kiosk has already issued tickets on (the API is being redeployed) is retried with
 * the same key until it succeeds or the retry budget is spent.
 */
public final class LoadGenerator {
    /** How long an idle counter waits before it calls again. */
    static final long EMPTY_CALL_PAUSE_MILLIS = 20;
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
        /** The ticket a 201 answer's body describes, or null when it names none. */
        public static Acked of(String body) {
            Matcher id = ID.matcher(body);
            Matcher number = NUMBER.matcher(body);
            return id.find() && number.find() ? new Acked(Long.parseLong(id.group(1)), number.group(1)) : null;
        }
    }

    /** A ticket a retrying kiosk got, with the idempotency key it sent and how many attempts it took. */
    public record KeyedAck(String key, long id, String number, int attempts, long tookNanos) {
    }

    /** A ticket a retrying kiosk gave up on: an answer it may not retry, or no success within the budget. */
    public record FailedTicket(String key, int lastStatus, String lastBody, int attempts, long firstNanos, long endNanos) {
    }

    /** Status of an answer that never came: the connection was refused or cut. */
    public static final int NO_ANSWER = -1;
    /** Status of an answer that did not come within the read timeout. */
    public static final int TIMED_OUT = -2;

    /**
     * One answer (or the lack of one), for observers that need timing: {@code op} is issue, call,
     * call-empty, serve, finish, connect (a connection attempt); for retrying kiosks also ticket
     * (one whole ticket attempt: status 201, or the last status when it failed).
     */
    public record Answer(String op, int status, String contentType, String body, long sentNanos, long tookNanos) {
    }

    public interface AnswerObserver {
        /** Called on the client's thread, for every answer from the start of the run, warm-up included. */
        void answered(Answer a);
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
        /** With retrying kiosks: every acknowledged ticket with its idempotency key. */
        public final List<KeyedAck> keyed = Collections.synchronizedList(new ArrayList<>());
        /** With retrying kiosks: tickets given up on. */
        public final List<FailedTicket> failedTickets = Collections.synchronizedList(new ArrayList<>());
        /** With retrying kiosks: tickets that needed more than one attempt (whole run). */
        public long retriedTickets;
        /** With retrying kiosks: ticket attempts still retrying when the run ended (neither acknowledged nor failed). */
        public long abandonedTickets;

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
    private volatile AnswerObserver answers;
    /** > 0: kiosks send Idempotency-Key and retry for this long per ticket. */
    private long retryMillis;
    private int readTimeoutMillis = 60_000;
    private final LongAdder retried = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    /** Makes idempotency keys unique across runs against the same server. */
    private final String runTag = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

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

    /** Every answer, with its time, to {@code o} (before {@link #run()}). */
    public LoadGenerator observeAnswers(AnswerObserver o) {
        this.answers = o;
        return this;
    }

    /**
     * Kiosks send an {@code Idempotency-Key} (unique per ticket attempt, the same on every retry)
     * and retry 503, failed connections and (once they have issued a ticket) 404 for up to
     * {@code giveUpMillis} per ticket; any other answer than 201 fails the ticket (before {@link #run()}).
     */
    public LoadGenerator retryingKiosks(long giveUpMillis) {
        this.retryMillis = giveUpMillis;
        return this;
    }

    /** How long a client waits for an answer before it counts it as {@link #TIMED_OUT} (default 60 s). */
    public LoadGenerator readTimeout(int millis) {
        this.readTimeoutMillis = millis;
        return this;
    }

    /** Runs the plan to its end and returns the figures of its measured part. */
    public Result run() throws Exception {
        List<Thread> threads = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(plan.kiosks() + plan.counters().size());
        for (int i = 0; i < plan.kiosks(); i++) {
            int index = i;
            if (retryMillis > 0) threads.add(retryingKiosk(index, connected));
            else threads.add(thread("kiosk-" + i, connected, this::kiosk));
        }
        for (String c : plan.counters()) {
            threads.add(thread("counter-" + c, connected, http -> counter(http, c)));
        }
        threads.forEach(Thread::start);
        connected.await(30, TimeUnit.SECONDS);
        sleepWhileRunning(plan.warmupSeconds());
        recorders.values().forEach(Recorder::reset);
        statuses.clear();
        cycles.reset();
        unanswered.reset();
        long cpu0 = serverCpu();
        long own0 = ProcFs.ownCpuNanos();
        long t0 = System.nanoTime();
        measuring = true;
        sleepWhileRunning(plan.seconds());
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
        result.retriedTickets = retried.sum();
        result.abandonedTickets = abandoned.sum();
        return result;
    }

    private void sleepWhileRunning(double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (running) {
            long left = end - System.nanoTime();
            if (left <= 0) return;
            Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
        }
    }

    /** Ends a run early (its figures are those gathered so far); {@link #run()} then returns them. */
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
                long t0 = System.nanoTime();
                Http http;
                try {
                    http = new Http(plan.port(), readTimeoutMillis);
                } catch (IOException e) {
                    // refused (a restart, a crash): count it, connect again
                    if (first) connected.countDown();
                    first = false;
                    if (running && measuring) unanswered.increment();
                    observe("connect", NO_ANSWER, "", "", t0);
                    pause(50);
                    continue;
                }
                try (http) {
                    if (first) connected.countDown();
                    first = false;
                    client.play(http);
                } catch (Exception e) {
                    // the connection was cut or an answer did not come (send() reported it): connect again
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
            int status;
            try {
                status = send(http, issue, true, "issue");
            } catch (IOException e) {
                waiting.release();
                throw e;
            }
            if (status == 201) {
                Acked a = Acked.of(http.lastBody);
                if (a != null) result.acked.add(a);
            } else {
                // refused (503 while the database is away, 404 while the routes come up): do not spin
                waiting.release();
                pause(20);
            }
        }
    }

    private void counter(Http http, String counter) throws Exception {
        String base = "/api/v1/branches/" + plan.branch() + "/counters/" + counter + "/";
        byte[] call = Http.request("POST", base + "call", plan.counterAuth(), null);
        byte[] serve = Http.request("POST", base + "serve", plan.counterAuth(), null);
        byte[] finish = Http.request("POST", base + "finish", plan.counterAuth(), null);
        // a counter left holding a ticket by an earlier run (or a crash) finishes it first
        long f0 = System.nanoTime();
        int s = http.send(finish, false);
        observe("finish", s, http.lastContentType, http.lastBody, f0);
        if (s >= 500 && s != 503) record("finish", s, f0);
        long cycleStart = 0;
        while (running) {
            if (plan.cycleMillis() > 0) {
                long wait = plan.cycleMillis() - (System.nanoTime() - cycleStart) / 1_000_000;
                pause(wait);
                cycleStart = System.nanoTime();
            }
            long t0 = System.nanoTime();
            int status = send(http, call, observer != null, "call");
            if (status == 204) {
                // no one waits: an operator looks again in a moment, not a thousand times a second
                pause(EMPTY_CALL_PAUSE_MILLIS);
                continue;
            }
            if (status != 200) {
                if (status == 409) send(http, finish, false, "finish"); // still holds a ticket (after a failed finish)
                pause(status >= 500 ? 20 : status == 404 ? 50 : 1);
                continue;
            }
            waiting.release();
            CallObserver o = observer;
            if (o != null && measuring) {
                Matcher id = ID.matcher(http.lastBody);
                if (id.find()) o.called(Long.parseLong(id.group(1)), t0);
            }
            if (plan.serve()) {
                send(http, serve, false, "serve");
                // the customer at the counter: a service time around the plan's, never negative
                long ms = (long) Math.max(0, plan.serviceMillis() * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
                pause(ms);
            }
            int f = send(http, finish, false, "finish");
            if (f == 200 && measuring) cycles.increment();
        }
    }

    /**
     * Sends one request, records its answer (a 204 to a call as call-empty) and tells the observer;
     * an answer that does not come is told as {@link #NO_ANSWER} or {@link #TIMED_OUT} and rethrown.
     */
    private int send(Http http, byte[] request, boolean keepBody, String op) throws IOException {
        long t0 = System.nanoTime();
        int status;
        try {
            status = http.send(request, keepBody || answers != null);
        } catch (IOException e) {
            observe(op, e instanceof SocketTimeoutException ? TIMED_OUT : NO_ANSWER, "", "", t0);
            throw e;
        }
        String recorded = op.equals("call") && status == 204 ? "call-empty" : op;
        record(recorded, status, t0);
        observe(recorded, status, http.lastContentType, http.lastBody, t0);
        return status;
    }

    private void observe(String op, int status, String type, String body, long t0) {
        AnswerObserver o = answers;
        if (o != null) o.answered(new Answer(op, status, type, body, t0, System.nanoTime() - t0));
    }

    /** A kiosk as a real one behaves: one Idempotency-Key per ticket, retried until it succeeds or the budget is spent. */
    private Thread retryingKiosk(int index, CountDownLatch connected) {
        String path = "/api/v1/branches/" + plan.branch() + "/tickets";
        String body = "{\"service\":\"" + plan.service() + "\"}";
        Thread t = new Thread(() -> {
            connected.countDown();
            Http http = null;
            boolean issuedBefore = false;
            long seq = 0;
            try {
                while (running) {
                    if (!waiting.tryAcquire(100, TimeUnit.MILLISECONDS)) continue;
                    String key = "kiosk-" + index + "-" + runTag + "-" + (++seq);
                    byte[] issue = Http.request("POST", path, plan.kioskAuth(), body, "Idempotency-Key: " + key + "\r\n");
                    long first = System.nanoTime();
                    int attempts = 0;
                    while (true) {
                        attempts++;
                        int status;
                        String answer = "";
                        int retryAfter = -1;
                        try {
                            if (http == null) {
                                long c0 = System.nanoTime();
                                try {
                                    http = new Http(plan.port(), readTimeoutMillis);
                                } catch (IOException refused) {
                                    observe("connect", NO_ANSWER, "", "", c0);
                                    throw refused;
                                }
                            }
                            status = send(http, issue, true, "issue");
                            answer = http.lastBody;
                            retryAfter = http.lastRetryAfter;
                        } catch (IOException e) {
                            if (running && measuring) unanswered.increment();
                            closeQuietly(http);
                            http = null;
                            status = e instanceof SocketTimeoutException ? TIMED_OUT : NO_ANSWER;
                        }
                        long now = System.nanoTime();
                        if (status == 201) {
                            Acked a = Acked.of(answer);
                            if (a != null) {
                                result.acked.add(a);
                                result.keyed.add(new KeyedAck(key, a.id(), a.number(), attempts, now - first));
                            }
                            if (attempts > 1) retried.increment();
                            issuedBefore = true;
                            observe("ticket", status, "", "", first);
                            break;
                        }
                        boolean retryable = status == 503 || status == NO_ANSWER || status == TIMED_OUT || (status == 404 && issuedBefore);
                        if (!retryable || now - first > retryMillis * 1_000_000L) {
                            waiting.release();
                            result.failedTickets.add(new FailedTicket(key, status, answer, attempts, first, now));
                            observe("ticket", status, "", answer, first);
                            break;
                        }
                        if (!running) {
                            waiting.release();
                            abandoned.increment();
                            break;
                        }
                        // Retry-After as the server asks (Talon says 1 s), else a short pause
                        pause(retryAfter > 0 ? Math.min(retryAfter * 1000L, 2000) : status == 503 ? 50 : 100);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(http);
            }
        }, "load-kiosk-" + index);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Http http) {
        if (http == null) return;
        try {
            http.close();
        } catch (IOException ignored) {
            // already gone
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
