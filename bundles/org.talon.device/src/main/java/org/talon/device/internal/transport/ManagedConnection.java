package org.talon.device.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talon.device.api.Connection;
import org.talon.device.api.LinkHandler;

/**
 * A connection kept open: one reading thread of the pool per open link reads and hands bytes to
 * the driver; when the link breaks (or the driver asks), the driver is told, and the link is opened
 * again after a pause that doubles from {@value #FIRST_PAUSE_MILLIS} ms to {@value #LAST_PAUSE_MILLIS} ms.
 * The driver's callbacks never overlap.
 */
final class ManagedConnection implements Connection {
    private static final Logger LOG = Logger.getLogger(ManagedConnection.class.getName());
    static final long FIRST_PAUSE_MILLIS = 250;
    static final long LAST_PAUSE_MILLIS = 5000;

    private final String text;
    private final URI uri;
    private final Transport transport;
    private final LinkHandler handler;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService io;
    /** The driver's callbacks run holding this, one at a time. */
    private final Object calls = new Object();
    private final Object writes = new Object();
    private volatile Link link;
    private volatile boolean closed;
    private volatile String closeReason;
    private long pause = FIRST_PAUSE_MILLIS;
    /** The reason told to the driver in this outage, so a port that stays away is told once. */
    private String toldDown;

    ManagedConnection(String text, URI uri, Transport transport, LinkHandler handler, ScheduledExecutorService scheduler, ExecutorService io) {
        this.text = text;
        this.uri = uri;
        this.transport = transport;
        this.handler = handler;
        this.scheduler = scheduler;
        this.io = io;
    }

    void start() {
        submit(this::run);
    }

    private void submit(Runnable r) {
        try {
            io.execute(r);
        } catch (RejectedExecutionException e) {
            closed = true; // the bundle is stopping
        }
    }

    /** Opens, then reads until the link breaks; then schedules the next attempt. */
    private void run() {
        if (closed) return;
        Link l;
        try {
            l = transport.open(uri);
        } catch (IOException | RuntimeException e) {
            down(reason(e));
            again();
            return;
        }
        if (closed) {
            l.close();
            return;
        }
        link = l;
        closeReason = null;
        pause = FIRST_PAUSE_MILLIS;
        toldDown = null;
        call(() -> handler.connected(this));
        byte[] buffer = new byte[4096];
        String why;
        while (true) {
            try {
                int n = l.read(buffer);
                if (closed) return;
                if (link != l) {
                    why = closeReason;
                    break;
                }
                if (n > 0) {
                    byte[] got = java.util.Arrays.copyOf(buffer, n);
                    call(() -> handler.received(got));
                }
            } catch (IOException | RuntimeException e) {
                why = closeReason != null ? closeReason : reason(e);
                break;
            }
        }
        l.close();
        if (link == l) link = null;
        if (closed) return;
        down(why == null ? "connection closed" : why);
        again();
    }

    private void again() {
        if (closed) return;
        long wait = pause;
        pause = Math.min(LAST_PAUSE_MILLIS, pause * 2);
        try {
            scheduler.schedule(() -> submit(this::run), wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closed = true;
        }
    }

    private void down(String reason) {
        if (closed || toldDown != null) return;
        toldDown = reason;
        call(() -> handler.disconnected(reason));
    }

    private void call(Runnable r) {
        synchronized (calls) {
            if (closed) return;
            try {
                r.run();
            } catch (RuntimeException | LinkageError e) {
                // a driver's mistake must not stop the connection
                LOG.log(Level.WARNING, "The driver of " + text + " failed in a callback", e);
            }
        }
    }

    private String reason(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException || e instanceof java.net.SocketTimeoutException) {
            return "no connection to " + text + (m == null ? "" : " (" + m + ")");
        }
        return m == null ? e.getClass().getSimpleName() + " on " + text : m;
    }

    @Override
    public String uri() {
        return text;
    }

    @Override
    public boolean isConnected() {
        return link != null && !closed;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        Link l = link;
        if (l == null || closed) throw new IOException("not connected to " + text);
        synchronized (writes) {
            try {
                l.write(bytes);
            } catch (IOException | RuntimeException e) {
                drop(l, reason(e));
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }

    @Override
    public void reconnect(String reason) {
        Link l = link;
        if (l != null) drop(l, reason);
    }

    private void drop(Link l, String reason) {
        if (link != l) return;
        closeReason = reason;
        link = null;
        // the reading thread notices and goes on from there
        l.close();
    }

    @Override
    public void close() {
        closed = true;
        Link l = link;
        link = null;
        if (l != null) l.close();
    }

    @Override
    public String toString() {
        return text;
    }
}
