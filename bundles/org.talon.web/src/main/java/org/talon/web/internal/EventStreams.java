package org.talon.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.BranchDirectory;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;
import org.talon.event.api.EventLog;

/**
 * Server-Sent Events from a branch's event log: {@code id:} is the event's sequence number, so a
 * client that reconnects with {@code Last-Event-ID} first gets exactly what it missed from the
 * log and then the live events, none twice. A comment line every 15 s keeps proxies from
 * closing the connection and finds dead clients.
 *
 * <p>A stream costs bounded memory however it ends: the log is replayed in batches of
 * {@value #REPLAY_BATCH}, the next batch read only once the connection took the last one, by a
 * small pool of replay threads (never the container's request threads, which would each read
 * the database at once); a stream more than {@value #MAX_BACKLOG} bytes behind, or any large
 * stream while all streams together hold more than {@value #TOTAL_BACKLOG} bytes, is closed
 * (it resumes with Last-Event-ID). Each caller may hold a limited number of streams.
 */
@Component(service = EventStreams.class, configurationPid = EventStreams.PID)
@Designate(ocd = EventStreams.Config.class)
public final class EventStreams {
    static final String PID = "org.talon.web.streams";
    static final long HEARTBEAT_SECONDS = 15;
    static final int REPLAY_BATCH = 200;
    static final int MAX_BACKLOG = 256 * 1024;
    static final long TOTAL_BACKLOG = 48L * 1024 * 1024;
    /** Live events held for a stream still replaying; beyond, they are dropped and read from the log instead. */
    static final int MAX_PENDING = 1000;
    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.UTF_8);

    @ObjectClassDefinition(name = "Talon event streams", description = "Limits of the Server-Sent Event streams of /api/v1/branches/{branch}/events")
    public @interface Config {
        @AttributeDefinition(name = "Streams per caller", description = "How many streams one login (user or device token) may hold at once; one more is refused with 429")
        int maxPerCaller() default 20;

        @AttributeDefinition(name = "Followed views per address", description = "How many followed views (customers' ticket pages,"
                + " which have no login) one client address may hold at once; a hall's guest wifi may put many phones behind one")
        int maxViewsPerAddress() default 200;

        @AttributeDefinition(name = "Streams in all", description = "How many streams the server holds at once; one more is refused with 503")
        int maxTotal() default 5_000;

        @AttributeDefinition(name = "Replay threads", description = "How many streams read their replay from the database at the same moment")
        int replayThreads() default 2;

        @AttributeDefinition(name = "Longest replay", description = "How many past events one stream replays at the most; a stream"
                + " further behind (or without Last-Event-ID on a longer log) starts that many events before the end, after a StreamReset event")
        int maxReplay() default 10_000;
    }

    private final EventLog log;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /** Streams held per caller (a login, or the address of a customer's phone); an entry goes at 0. */
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicLong backlogBytes = new AtomicLong();
    private volatile int maxPerCaller;
    private volatile int maxViewsPerAddress;
    private volatile int maxTotal;
    private volatile int maxReplay;
    /**
     * Live events are written to the streams by a few fan-out threads, each with its own share
     * of the subscribers, so one event reaches thousands of displays in parallel and the event
     * log's delivery thread (which also serves other listeners) never waits on a socket.
     */
    private final Shard[] shards;
    private final AtomicInteger shardTurn = new AtomicInteger();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "talon-sse-heartbeat"));
    private final ExecutorService replays;
    /** Renders of followed views (a customer's ticket page), apart from replays: each may wait on a branch's writer. */
    private final ExecutorService renders;
    private final ServiceRegistration<EventListener> listener;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile BranchDirectory branches;

    /** An event as every stream sends it: encoded once, not once per subscriber. */
    record Frame(DomainEvent event, byte[] bytes) {
        static Frame of(DomainEvent e) {
            return new Frame(e, ("id: " + e.sequence() + "\nevent: " + e.type() + "\ndata: " + e.payload() + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Activate
    public EventStreams(@Reference EventLog log, BundleContext context, Config config) {
        this.log = log;
        modified(config);
        int threads = Math.max(1, Math.min(8, config.replayThreads()));
        AtomicInteger n = new AtomicInteger();
        this.replays = Executors.newFixedThreadPool(threads, r -> daemon(r, "talon-sse-replay-" + n.incrementAndGet()));
        AtomicInteger m = new AtomicInteger();
        this.renders = Executors.newFixedThreadPool(2, r -> daemon(r, "talon-sse-view-" + m.incrementAndGet()));
        int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        shards = new Shard[cores];
        for (int i = 0; i < cores; i++) {
            shards[i] = new Shard(i);
            shards[i].thread.start();
        }
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        // Registered by hand, not as this component's service: the event log binds its listeners
        // while it activates, and a listener component that needs the event log would be a cycle.
        this.listener = context.registerService(EventListener.class, this::onEvent, null);
    }

    @Modified
    void modified(Config config) {
        maxPerCaller = Math.max(1, config.maxPerCaller());
        maxViewsPerAddress = Math.max(1, config.maxViewsPerAddress());
        maxTotal = Math.max(1, config.maxTotal());
        maxReplay = Math.max(0, config.maxReplay());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Deactivate
    void deactivate() {
        try {
            listener.unregister();
        } catch (IllegalStateException ignored) {
            // gone with the bundle
        }
        heartbeat.shutdownNow();
        replays.shutdownNow();
        renders.shutdownNow();
        for (Shard sh : shards) sh.stop();
        subscribers.values().forEach(set -> set.forEach(Subscriber::close));
        subscribers.clear();
    }

    /**
     * Starts a stream for the request; returns at once, the connection stays open. Refuses an
     * unknown branch (404), a bad {@code Last-Event-ID} or {@code from} (400), a caller over its
     * stream limit (429) and a server full of streams (503).
     */
    void open(HttpServletRequest req, HttpServletResponse resp, String branch, String caller, Map<String, String> query)
            throws IOException {
        BranchDirectory directory = branches;
        if (directory == null) throw new ApiServlet.RetryLater("restarting.branches");
        if (!directory.exists(branch)) throw new WebProblem(404, "stream.branchUnknown", JsonBodies.echo(branch));
        long after = 0;
        boolean fromNow = false;
        String last = req.getHeader("Last-Event-ID");
        if (last == null) last = query.get("lastEventId");
        if (last != null && !last.isEmpty()) {
            // digits only: no sign, no spaces, no more than a long holds
            if (!last.matches("[0-9]{1,18}")) throw new WebProblem(400, "stream.lastEventIdNumber", JsonBodies.echo(last));
            after = Long.parseLong(last);
        } else {
            String from = query.get("from");
            if ("now".equals(from)) {
                fromNow = true;
            } else if (from != null && !from.equals("start")) {
                throw new WebProblem(400, "stream.from", JsonBodies.echo(from));
            }
        }
        String who = caller == null ? "" : caller;
        admit(who, maxPerCaller);
        boolean counted = true;
        try {
            long lastInLog;
            try {
                lastInLog = log.lastSequence(branch);
            } catch (RuntimeException e) {
                // the database does not answer (the branch's first use since a restart reads it)
                throw new WebProblem(503, "storage.unavailable").retryAfter(5);
            }
            Frame reset = null;
            if (fromNow) {
                // a display that shows only what happens from now on: no replay of the day so far
                after = lastInLog;
            } else if (after > lastInLog) {
                // An id the log never reached (a display kept it from before a database restore):
                // it would wait for events that come under other numbers. The stream restarts after
                // the log's last event and says so first, so the client reloads what it shows.
                reset = reset(lastInLog, "lastEventIdAheadOfLog", String.valueOf(after), lastInLog);
                after = lastInLog;
            } else if (lastInLog - after > maxReplay) {
                // Replay is bounded per stream: a display away for longer (or one that asks for the
                // whole log of a branch that has run for weeks) gets the last maxReplay events,
                // said first, and reloads what it shows; the whole history is for webhooks.
                long start = lastInLog - maxReplay;
                reset = reset(start, "replayTooLong", last == null || last.isEmpty() ? "null" : String.valueOf(after), lastInLog);
                after = start;
            }
            Subscriber s = new Subscriber(branch, who, begin(req, resp), after, nextShard());
            counted = false; // from here the subscriber's close() gives its place back
            try {
                subscribers.computeIfAbsent(branch, b -> new CopyOnWriteArraySet<>()).add(s);
                s.shard.members.add(s);
                synchronized (s) {
                    if (reset != null) s.enqueue(reset.bytes);
                    s.replayMore = true;
                }
                // Non-blocking output: a fan-out thread only hands bytes to Jetty and goes on to the next
                // display; a blocking write per display per event held each event ~25 us per display.
                s.out = resp.getOutputStream();
                s.out.setWriteListener(s);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        } finally {
            if (counted) release(who);
        }
    }

    /** How often at most a followed view is rendered again while its branch is busy. */
    static final long VIEW_INTERVAL_MILLIS = 1000;

    /**
     * Follows a route's answer (see {@code Route#follows}): sends {@code first} as an
     * {@code update} event now, and the answer {@code render} gives again whenever it differs
     * after an event of the branch (rendered at most once a second). A render that fails (the
     * ticket is gone, the route's bundle is updating) ends the stream; the client asks again.
     * Limits as for {@link #open}: per caller (here: per view) and in all.
     */
    void watch(HttpServletRequest req, HttpServletResponse resp, String branch, String caller, Object owner, byte[] first,
            java.util.concurrent.Callable<byte[]> render) throws IOException {
        // a customer's phone has no login: its streams count by its address, as many as a hall's wifi may need
        String who = caller != null ? caller : "address " + req.getRemoteAddr();
        admit(who, caller != null ? maxPerCaller : maxViewsPerAddress);
        boolean counted = true;
        try {
            long last;
            try {
                last = log.lastSequence(branch);
            } catch (RuntimeException e) {
                throw new WebProblem(503, "storage.unavailable").retryAfter(5);
            }
            Subscriber s = new Subscriber(branch, who, begin(req, resp), last, nextShard());
            counted = false;
            try {
                synchronized (s) {
                    s.replaying = false;
                    s.view = new View(render, first, owner);
                }
                subscribers.computeIfAbsent(branch, b -> new CopyOnWriteArraySet<>()).add(s);
                s.shard.members.add(s);
                synchronized (s) {
                    s.enqueue(View.frame(last, first));
                    // the first answer was made before this stream listened: an event in between
                    // is covered by one render now (sent only if the answer changed)
                    s.view.dirty = true;
                    if (!s.view.scheduled) s.scheduleRender();
                }
                s.out = resp.getOutputStream();
                s.out.setWriteListener(s);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        } finally {
            if (counted) release(who);
        }
    }

    /** Counts a stream for a caller, or refuses it: 429 over the caller's limit, 503 over all streams. */
    private void admit(String who, int limit) {
        int held = perCaller.merge(who, 1, Integer::sum);
        if (held > limit) {
            perCaller.computeIfPresent(who, (k, v) -> v <= 1 ? null : v - 1);
            throw new WebProblem(429, "stream.tooMany", JsonBodies.echo(who), String.valueOf(limit)).retryAfter(5);
        }
        if (total.incrementAndGet() > maxTotal) {
            release(who);
            throw new WebProblem(503, "stream.full", String.valueOf(maxTotal)).retryAfter(5);
        }
    }

    /** Gives back a stream's place (and the caller's entry once it holds none). */
    private void release(String who) {
        total.decrementAndGet();
        perCaller.computeIfPresent(who, (k, v) -> v <= 1 ? null : v - 1);
    }

    /** Ends the followed views a route serves (its bundle stopped or updated): their clients ask the new one. */
    int closeViews(Object owner) {
        return closeWhere(s -> s.view != null && s.view.owner == owner);
    }

    /** Ends every stream a caller holds (a device whose token was revoked); returns how many. */
    int closeCaller(String caller) {
        return closeWhere(s -> s.caller.equals(caller));
    }

    private int closeWhere(java.util.function.Predicate<Subscriber> which) {
        int n = 0;
        for (Set<Subscriber> set : subscribers.values()) {
            for (Subscriber s : set) {
                if (which.test(s)) {
                    closeQuietly(s);
                    n++;
                }
            }
        }
        return n;
    }

    /** The callers holding streams now. */
    Set<String> callers() {
        return java.util.Set.copyOf(perCaller.keySet());
    }

    /** A followed view of one stream: how to render it, what it last sent, and whether a render is due. */
    static final class View {
        final java.util.concurrent.Callable<byte[]> render;
        /** The route that renders it: its removal ends the view. */
        final Object owner;
        byte[] sent;
        boolean dirty;
        boolean scheduled;
        long lastRender;
        long seen;

        View(java.util.concurrent.Callable<byte[]> render, byte[] first, Object owner) {
            this.render = render;
            this.sent = first;
            this.owner = owner;
        }

        static byte[] frame(long id, byte[] json) {
            byte[] head = ("id: " + id + "\nevent: update\ndata: ").getBytes(StandardCharsets.UTF_8);
            byte[] out = java.util.Arrays.copyOf(head, head.length + json.length + 2);
            System.arraycopy(json, 0, out, head.length, json.length);
            out[out.length - 2] = '\n';
            out[out.length - 1] = '\n';
            return out;
        }
    }

    /** Answers 200 as an event stream now (headers out at once, not with the first event up to 15 s later), kept open. */
    private static AsyncContext begin(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Accel-Buffering", "no");
        resp.getOutputStream().write(CONNECTED);
        resp.flushBuffer();
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        return async;
    }

    private Shard nextShard() {
        return shards[Math.floorMod(shardTurn.getAndIncrement(), shards.length)];
    }

    /** The frame that says a stream starts elsewhere than asked: its id is where it starts. */
    private static Frame reset(long startsAfter, String reason, String asked, long lastInLog) {
        return new Frame(null, ("id: " + startsAfter + "\nevent: StreamReset\ndata: {\"reason\":\"" + reason + "\",\"lastEventId\":"
                + asked + ",\"lastSequence\":" + lastInLog + ",\"startsAfter\":" + startsAfter + "}\n\n").getBytes(StandardCharsets.UTF_8));
    }

    void onEvent(DomainEvent event) {
        Set<Subscriber> set = subscribers.get(event.branch());
        if (set == null || set.isEmpty()) return;
        Frame f = Frame.of(event);
        for (Shard sh : shards) sh.queue.add(f);
    }

    int subscriberCount() {
        return total.get();
    }

    private void beat() {
        for (Shard sh : shards) sh.queue.add(Shard.BEAT);
    }

    private static void closeQuietly(Subscriber s) {
        try {
            s.close();
        } catch (Throwable ignored) {
            // closing is best effort: the container completes the connection in any case
        }
    }

    /** One fan-out thread and its subscribers. */
    private static final class Shard implements Runnable {
        static final Frame BEAT = new Frame(null, HEARTBEAT);
        final LinkedBlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
        final Set<Subscriber> members = ConcurrentHashMap.newKeySet();
        final Thread thread;
        volatile boolean running = true;

        Shard(int i) {
            thread = daemon(this, "talon-sse-" + i);
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
                    for (Subscriber s : members) {
                        try {
                            s.live(batch);
                        } catch (Throwable t) {
                            // this stream alone goes (it resumes with Last-Event-ID); the others get the batch
                            closeQuietly(s);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable t) {
                    // never end the thread: its streams would stay open and hear nothing
                    LOG.log(Level.WARNING, "Event stream fan-out " + thread.getName() + " failed; going on", t);
                } finally {
                    batch.clear();
                }
            }
        }
    }

    /**
     * One stream. Frames wait in its outbox until Jetty can take them. While it replays, live
     * events wait in {@code pending} (at most {@link #MAX_PENDING}; beyond, the replay simply
     * reads them from the log too).
     */
    private final class Subscriber implements WriteListener {
        final String branch;
        final String caller;
        final AsyncContext async;
        final Shard shard;
        volatile ServletOutputStream out;
        final ArrayDeque<Frame> pending = new ArrayDeque<>();
        final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
        int backlog;
        boolean unflushed;
        long lastSent;
        boolean replaying = true;
        /** The next replay batch is due once the outbox is written. */
        boolean replayMore;
        /** A replay batch is being read now (on a replay thread). */
        boolean reading;
        /** Live events were dropped from pending: the replay must read once more before it ends. */
        boolean pendingDropped;
        boolean closed;
        /** Set for a followed view: events re-render it instead of being sent. */
        volatile View view;

        Subscriber(String branch, String caller, AsyncContext async, long after, Shard shard) {
            this.branch = branch;
            this.caller = caller;
            this.async = async;
            this.lastSent = after;
            this.shard = shard;
        }

        /** Reads one batch from the log, on a replay thread, without holding this stream's lock. */
        void replayStep() {
            if (backlogBytes.get() > TOTAL_BACKLOG) {
                // all streams together hold as much as they may: this one's next batch waits
                try {
                    heartbeat.schedule(() -> submitReplay(), 200, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    close();
                }
                return;
            }
            long from;
            synchronized (this) {
                if (closed) return;
                from = lastSent;
                pendingDropped = false;
            }
            List<DomainEvent> batch;
            try {
                batch = log.read(branch, from, REPLAY_BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Stream of branch " + branch + ": the log could not be read; closing, the client resumes", e);
                close();
                return;
            }
            synchronized (this) {
                reading = false;
                if (closed) return;
                for (DomainEvent e : batch) send(Frame.of(e));
                if (batch.size() < REPLAY_BATCH && !pendingDropped) {
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
        }

        void submitReplay() {
            try {
                replays.execute(this::replayStep);
            } catch (RejectedExecutionException stopping) {
                close();
            }
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
                    if (view != null) {
                        view.seen = f.event.sequence();
                        view.dirty = true;
                    } else if (!replaying) {
                        queued |= send(f);
                    } else if (pending.size() < MAX_PENDING) {
                        pending.add(f);
                    } else {
                        pending.clear();
                        pendingDropped = true;
                    }
                }
            }
            if (view != null && view.dirty && !view.scheduled) scheduleRender();
            if (queued) pump();
        }

        /** The next render, a second after the last at the soonest. */
        private void scheduleRender() {
            view.scheduled = true;
            long delay = Math.max(0, view.lastRender + VIEW_INTERVAL_MILLIS - System.currentTimeMillis());
            try {
                heartbeat.schedule(() -> {
                    try {
                        renders.execute(this::render);
                    } catch (RejectedExecutionException stopping) {
                        close();
                    }
                }, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                close();
            }
        }

        /** Renders the view on a render thread, without this stream's lock; sends it when it changed. */
        void render() {
            long seen;
            synchronized (this) {
                if (closed) return;
                view.dirty = false;
                seen = view.seen;
            }
            byte[] now;
            try {
                now = view.render.call();
            } catch (Throwable t) {
                LOG.log(Level.FINE, "A followed view of branch " + branch + " ended", t);
                close();
                return;
            }
            synchronized (this) {
                view.lastRender = System.currentTimeMillis();
                view.scheduled = false;
                if (closed) return;
                if (!java.util.Arrays.equals(now, view.sent)) {
                    view.sent = now;
                    enqueue(View.frame(seen, now));
                    pump();
                }
                if (view.dirty) scheduleRender();
            }
        }

        /** Queues an event unless it was sent already (replay and live overlap). */
        private boolean send(Frame f) {
            if (closed || f.event.sequence() <= lastSent) return false;
            lastSent = f.event.sequence();
            enqueue(f.bytes);
            return true;
        }

        private void enqueue(byte[] bytes) {
            if (closed) return;
            outbox.add(bytes);
            backlog += bytes.length;
            long all = backlogBytes.addAndGet(bytes.length);
            if (backlog > MAX_BACKLOG || (all > TOTAL_BACKLOG && backlog > MAX_BACKLOG / 4)) close();
        }

        /** Hands Jetty what it can take now; the rest when it calls {@link #onWritePossible}. */
        private void pump() {
            if (closed || out == null) return;
            try {
                while (out.isReady()) {
                    byte[] b = outbox.poll();
                    if (b != null) {
                        backlog -= b.length;
                        backlogBytes.addAndGet(-b.length);
                        out.write(b);
                        unflushed = true;
                    } else if (unflushed) {
                        unflushed = false;
                        out.flush();
                    } else if (replayMore && !reading) {
                        replayMore = false;
                        reading = true;
                        submitReplay();
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
            backlogBytes.addAndGet(-backlog);
            backlog = 0;
            outbox.clear();
            pending.clear();
            shard.members.remove(this);
            Set<Subscriber> set = subscribers.get(branch);
            if (set != null) set.remove(this);
            release(caller);
            try {
                async.complete();
            } catch (IllegalStateException ignored) {
                // already completed by the container
            }
        }
    }
}
