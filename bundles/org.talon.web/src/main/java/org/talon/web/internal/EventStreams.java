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
import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
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

    private final EventLog log;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "talon-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final ServiceRegistration<EventListener> listener;

    @Activate
    public EventStreams(@Reference EventLog log, BundleContext context) {
        this.log = log;
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
                throw new org.talon.web.api.ApiProblem(400, "Bad request", "Last-Event-ID must be a number: " + last);
            }
            if (after < 0) throw new org.talon.web.api.ApiProblem(400, "Bad request", "Last-Event-ID must not be negative");
        } else {
            String from = req.getParameter("from");
            if ("now".equals(from)) {
                // a display that shows only what happens from now on: no replay of the day so far
                after = log.lastSequence(branch);
            } else if (from != null && !from.equals("start")) {
                throw new org.talon.web.api.ApiProblem(400, "Bad request", "from must be 'start' or 'now', not '" + from + "'");
            }
        }
        resp.setStatus(200);
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        Subscriber s = new Subscriber(branch, async, after);
        subscribers.computeIfAbsent(branch, b -> new CopyOnWriteArraySet<>()).add(s);
        s.replay();
    }

    void onEvent(DomainEvent event) {
        Set<Subscriber> set = subscribers.get(event.branch());
        if (set == null) return;
        for (Subscriber s : set) s.live(event);
    }

    int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    private void beat() {
        for (Set<Subscriber> set : subscribers.values()) {
            for (Subscriber s : set) s.write(": heartbeat\n\n");
        }
    }

    private final class Subscriber {
        final String branch;
        final AsyncContext async;
        /** Events that arrived live while the replay was still running. */
        final Queue<DomainEvent> pending = new ArrayDeque<>();
        long lastSent;
        boolean replaying = true;
        boolean closed;

        Subscriber(String branch, AsyncContext async, long after) {
            this.branch = branch;
            this.async = async;
            this.lastSent = after;
        }

        void replay() {
            while (true) {
                List<DomainEvent> batch = log.read(branch, lastSentSnapshot(), REPLAY_BATCH);
                synchronized (this) {
                    for (DomainEvent e : batch) send(e);
                    if (batch.size() < REPLAY_BATCH) {
                        // caught up with the log; live events that came meanwhile follow in order
                        DomainEvent e;
                        while ((e = pending.poll()) != null) send(e);
                        replaying = false;
                        flush();
                        return;
                    }
                }
            }
        }

        synchronized long lastSentSnapshot() {
            return lastSent;
        }

        synchronized void live(DomainEvent e) {
            if (closed) return;
            if (replaying) {
                pending.add(e);
                return;
            }
            send(e);
            flush();
        }

        /** Sends an event unless it was sent already (replay and live overlap). */
        private void send(DomainEvent e) {
            if (closed || e.sequence() <= lastSent) return;
            lastSent = e.sequence();
            write("id: " + e.sequence() + "\nevent: " + e.type() + "\ndata: " + e.payload() + "\n\n");
        }

        synchronized void write(String text) {
            if (closed) return;
            try {
                ServletOutputStream out = async.getResponse().getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                if (!replaying) async.getResponse().flushBuffer();
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        private void flush() {
            try {
                async.getResponse().flushBuffer();
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        synchronized void close() {
            if (closed) return;
            closed = true;
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
