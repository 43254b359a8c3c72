package org.talon.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;
import org.talon.event.api.EventLog;

/**
 * Server-Sent Events from a branch's event log: {@code id:} is the event's sequence number, so a
 * client that reconnects with {@code Last-Event-ID} first gets exactly what it missed from the
 * log and then the live events, none twice. A comment line every 15 s keeps proxies from
 * closing the connection and finds dead clients.
 */
@Component(service = EventStreams.class)
public final class EventStreams {
    static final long HEARTBEAT_SECONDS = 15;
    static final int REPLAY_BATCH = 500;
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final EventLog log;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /**
     * Live events are written to the streams by a few fan-out threads, each with its own share
     * of the subscribers, so one event reaches thousands of displays in parallel and the event
     * log's delivery thread (which also serves other listeners) never waits on a socket.
     */
    private final Shard[] shards;
    private final AtomicInteger nextShard = new AtomicInteger();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "talon-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final ServiceRegistration<EventListener> listener;

    /** An event as every stream sends it: encoded once, not once per subscriber. */
    record Frame(DomainEvent event, byte[] bytes) {
        static Frame of(DomainEvent e) {
            return new Frame(e, ("id: " + e.sequence() + "\nevent: " + e.type() + "\ndata: " + e.payload() + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Activate
    public EventStreams(@Reference EventLog log, BundleContext context) {
        this.log = log;
        int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        shards = new Shard[n];
        for (int i = 0; i < n; i++) {
            shards[i] = new Shard(i);
            shards[i].thread.start();
        }
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        // Registered by hand, not as this component's service: the event log binds its listeners
        // while it activates, and a listener component that needs the event log would be a cycle.
        this.listener = context.registerService(EventListener.class, this::onEvent, null);
    }

    @Deactivate
    void deactivate() {
        try {
            listener.unregister();
        } catch (IllegalStateException ignored) {
            // gone with the bundle
        }
        heartbeat.shutdownNow();
        for (Shard sh : shards) sh.stop();
        subscribers.values().forEach(set -> set.forEach(Subscriber::close));
        subscribers.clear();
    }

    /** Starts a stream for the request; returns at once, the connection stays open. */
    void open(HttpServletRequest req, HttpServletResponse resp, String branch) throws IOException {
        long after = 0;
        String last = req.getHeader("Last-Event-ID");
        if (last == null) last = req.getParameter("lastEventId");
        if (last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.strip());
            } catch (NumberFormatException e) {
                throw new WebProblem(400, "stream.lastEventIdNumber", last);
            }
            if (after < 0) throw new WebProblem(400, "stream.lastEventIdNegative");
        } else {
            String from = req.getParameter("from");
            if ("now".equals(from)) {
                // a display that shows only what happens from now on: no replay of the day so far
                after = log.lastSequence(branch);
            } else if (from != null && !from.equals("start")) {
                throw new WebProblem(400, "stream.from", from);
            }
        }
        resp.setStatus(200);
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        Subscriber s = new Subscriber(branch, async, after, shards[Math.floorMod(nextShard.getAndIncrement(), shards.length)]);
        subscribers.computeIfAbsent(branch, b -> new CopyOnWriteArraySet<>()).add(s);
        s.shard.members.add(s);
        // Non-blocking output: a fan-out thread only hands bytes to Jetty and goes on to the next
        // display; a blocking write per display per event held each event ~25 us per display.
        s.out = resp.getOutputStream();
        s.out.setWriteListener(s);
        s.replayStep();
    }

    void onEvent(DomainEvent event) {
        Set<Subscriber> set = subscribers.get(event.branch());
        if (set == null || set.isEmpty()) return;
        Frame f = Frame.of(event);
        for (Shard sh : shards) sh.queue.add(f);
    }

    int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    private void beat() {
        for (Shard sh : shards) sh.queue.add(Shard.BEAT);
    }

    /** One fan-out thread and its subscribers. */
    private static final class Shard implements Runnable {
        static final Frame BEAT = new Frame(null, HEARTBEAT);
        final LinkedBlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
        final Set<Subscriber> members = ConcurrentHashMap.newKeySet();
        final Thread thread;
        volatile boolean running = true;

        Shard(int i) {
            thread = new Thread(this, "talon-sse-" + i);
            thread.setDaemon(true);
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        @Override
        public void run() {
            List<Frame> batch = new ArrayList<>();
            while (running) {
                try {
                    batch.add(queue.take());
                    queue.drainTo(batch, 1000);
                    // every waiting event to each subscriber, then one flush per subscriber
                    for (Subscriber s : members) s.live(batch);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a broken stream closes itself; the others go on
                } finally {
                    batch.clear();
                }
            }
        }
    }

    /**
     * One stream. Frames wait in its outbox until Jetty can take them; a display that falls
     * more than {@link #MAX_BACKLOG} bytes behind is closed (it reconnects with Last-Event-ID and
     * is replayed from the log, batch by batch as its connection drains).
     */
    private final class Subscriber implements WriteListener {
        static final int MAX_BACKLOG = 1 << 20;
        final String branch;
        final AsyncContext async;
        final Shard shard;
        ServletOutputStream out;
        /** Events that arrived live while the replay was still running. */
        final Queue<Frame> pending = new ArrayDeque<>();
        final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
        int backlog;
        boolean unflushed;
        long lastSent;
        boolean replaying = true;
        boolean replayMore;
        boolean closed;

        Subscriber(String branch, AsyncContext async, long after, Shard shard) {
            this.branch = branch;
            this.async = async;
            this.lastSent = after;
            this.shard = shard;
        }

        /** Replays one batch from the log; the next one follows once this one is written. */
        synchronized void replayStep() {
            if (closed) return;
            List<DomainEvent> batch = log.read(branch, lastSent, REPLAY_BATCH);
            for (DomainEvent e : batch) send(Frame.of(e));
            if (batch.size() < REPLAY_BATCH) {
                // caught up with the log; live events that came meanwhile follow in order
                Frame f;
                while ((f = pending.poll()) != null) send(f);
                replaying = false;
                replayMore = false;
            } else {
                replayMore = true;
            }
            pump();
        }

        synchronized void live(List<Frame> frames) {
            if (closed) return;
            boolean queued = false;
            for (Frame f : frames) {
                if (f == Shard.BEAT) {
                    if (!replaying) {
                        enqueue(f.bytes);
                        queued = true;
                    }
                } else if (f.event.branch().equals(branch)) {
                    if (replaying) pending.add(f);
                    else queued |= send(f);
                }
            }
            if (queued) pump();
        }

        /** Queues an event unless it was sent already (replay and live overlap). */
        private boolean send(Frame f) {
            if (closed || f.event.sequence() <= lastSent) return false;
            lastSent = f.event.sequence();
            enqueue(f.bytes);
            return true;
        }

        private void enqueue(byte[] bytes) {
            outbox.add(bytes);
            backlog += bytes.length;
            if (backlog > MAX_BACKLOG) close();
        }

        /** Hands Jetty what it can take now; the rest when it calls {@link #onWritePossible}. */
        private void pump() {
            if (closed || out == null) return;
            try {
                while (out.isReady()) {
                    byte[] b = outbox.poll();
                    if (b != null) {
                        backlog -= b.length;
                        out.write(b);
                        unflushed = true;
                    } else if (unflushed) {
                        unflushed = false;
                        out.flush();
                    } else if (replayMore) {
                        replayMore = false;
                        replayStep();
                        return;
                    } else {
                        return;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        @Override
        public synchronized void onWritePossible() {
            pump();
        }

        @Override
        public void onError(Throwable t) {
            close();
        }

        synchronized void close() {
            if (closed) return;
            closed = true;
            outbox.clear();
            shard.members.remove(this);
            Set<Subscriber> set = subscribers.get(branch);
            if (set != null) set.remove(this);
            try {
                async.complete();
            } catch (IllegalStateException ignored) {
                // already completed by the container
            }
        }
    }
}
