package org.talon.driver.talonserial.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.talon.device.api.Connection;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.LinkHandler;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.DeviceLine;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Err;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Hello;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Malformed;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Ok;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Pong;

/**
 * One device's line, shared by the keypad and the feedback terminal: the connection, PING and
 * PONG, the status, and the lines in order. What a line means for the device's role, and what
 * the device should show, the {@link Role} says.
 *
 * <p>PING: at once when the port opens, then every {@code pingSeconds}. A PING is answered when
 * PONG (or HELLO) comes within {@link #ANSWER_MILLIS}; one not answered is sent again at once, and
 * when that one is not answered either, the device is offline: if it had answered on this
 * connection, Talon reconnects ({@code "no answer to PING"}); if it never had, Talon only reports
 * it and keeps pinging, since reopening the port of an Arduino Uno resets it, and a device still
 * booting would be reset again and again.
 */
final class TalonSerialLink implements LinkHandler {
    private static final System.Logger LOG = System.getLogger(TalonSerialLink.class.getName());
    static final long ANSWER_MILLIS = 1000;
    static final String NO_ANSWER = "no answer to PING";

    /** What the device is for. */
    interface Role {
        /** The role's kind as {@code HELLO} names it, e.g. {@code keypad}. */
        String kind();

        /** Whether a device that says it is of this {@code HELLO} kind can do this role. */
        boolean accepts(String kind);

        /** Handles a KEY or RATE line: null when done, else why it was ignored. */
        String handle(DeviceLine line);

        /** The lines that put the device into the state Talon wants now (sent when it answers or restarts). */
        List<byte[]> state();
    }

    private final String port;
    private final long pingMillis;
    private final Role role;
    private final LineReader reader = new LineReader();
    private final Queue<Out> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong ignored = new AtomicLong();

    private DeviceContext ctx;
    // guarded by this
    private Connection connection;
    private boolean connected;
    private boolean disposed;
    private int epoch;
    /** The device answered on this connection. */
    private boolean heard;
    /** The device's HELLO named a kind that cannot do the role. */
    private String wrongKind;
    private boolean awaitingPong;
    private int misses;
    private ScheduledFuture<?> timer;

    private record Out(int epoch, byte[] bytes) {
    }

    TalonSerialLink(String port, int pingSeconds, Role role) {
        this.port = TalonSerialProtocol.withDefaultBaud(port);
        this.pingMillis = Math.max(1, pingSeconds) * 1000L;
        this.role = role;
    }

    /** Opens the line; returns at once. */
    void start(DeviceContext context) {
        this.ctx = context;
        if (port == null || port.isBlank()) {
            context.status(DeviceStatus.error("no port configured"));
            return;
        }
        context.status(DeviceStatus.offline("connecting to " + port));
        try {
            Connection c = context.connect(port, this);
            synchronized (this) {
                if (connection == null) connection = c;
            }
        } catch (IllegalArgumentException e) {
            context.status(DeviceStatus.error("cannot open " + port + ": " + e.getMessage()));
        }
    }

    /** Closes the line for good. */
    void stop() {
        Connection c;
        synchronized (this) {
            disposed = true;
            connected = false;
            epoch++;
            cancelTimer();
            c = connection;
        }
        outbox.clear();
        if (c != null) c.close();
    }

    /** Sends the lines if the device is there to take them; else they wait in the role's state. */
    void sendIfOnline(List<byte[]> lines) {
        synchronized (this) {
            if (!connected || !heard || wrongKind != null) return;
            for (byte[] l : lines) outbox.add(new Out(epoch, l));
        }
        drain();
    }

    /** How many lines from the device were not the protocol or not for this role. */
    long ignoredLines() {
        return ignored.get();
    }

    // ---- LinkHandler ----------------------------------------------------------------------

    @Override
    public void connected(Connection c) {
        int e;
        synchronized (this) {
            if (disposed) return;
            connection = c;
            connected = true;
            heard = false;
            wrongKind = null;
            awaitingPong = false;
            misses = 0;
            e = ++epoch;
            cancelTimer();
            reader.reset();
        }
        // nothing but PING until the device answers: an Uno resetting on the port's opening is
        // in its bootloader for a second and would take anything else for a programmer's bytes
        ScheduledFuture<?> first = schedule(e, 0, () -> ping(e));
        synchronized (this) {
            if (e == epoch && timer == null) timer = first;
        }
    }

    @Override
    public void disconnected(String reason) {
        synchronized (this) {
            if (disposed) return;
            connected = false;
            heard = false;
            epoch++;
            cancelTimer();
            reader.reset();
        }
        outbox.clear();
        ctx.status(DeviceStatus.offline(reason));
    }

    @Override
    public void received(byte[] bytes) {
        List<DeviceLine> lines;
        synchronized (this) {
            if (disposed || !connected) return;
            lines = reader.feed(bytes);
        }
        for (DeviceLine line : lines) dispatch(line);
    }

    private void dispatch(DeviceLine line) {
        if (line instanceof Pong) {
            answered(null);
        } else if (line instanceof Hello h) {
            answered(h);
        } else if (line instanceof Ok) {
            // taken; Talon does not wait for it
        } else if (line instanceof Err err) {
            LOG.log(Level.INFO, () -> ctx.id() + " on " + port + " reports: ERR " + err.text());
        } else if (line instanceof Malformed m) {
            ignore(m.line(), m.why());
        } else {
            String why = role.handle(line);
            if (why != null) ignore(line.toString(), why);
        }
    }

    private void ignore(String line, String why) {
        long n = ignored.incrementAndGet();
        LOG.log(Level.DEBUG, () -> ctx.id() + " on " + port + ": ignored \"" + line + "\" (" + why + "), " + n + " so far");
    }

    /** PONG (hello null) or HELLO: the device is there. */
    private void answered(Hello hello) {
        DeviceStatus status = null;
        boolean sendState = false;
        int e;
        synchronized (this) {
            if (disposed || !connected) return;
            e = epoch;
            awaitingPong = false;
            misses = 0;
            if (hello != null) {
                if (!role.accepts(hello.kind())) {
                    wrongKind = hello.kind();
                    status = DeviceStatus.error("the device on " + port + " says it is a " + hello.kind() + ", not a " + role.kind());
                } else {
                    wrongKind = null;
                    // a HELLO is a device that (re)started and shows nothing of Talon's: tell it again
                    sendState = true;
                    heard = true;
                    status = DeviceStatus.online();
                }
            } else if (wrongKind == null) {
                sendState = !heard;
                heard = true;
                status = DeviceStatus.online();
            }
        }
        if (sendState) {
            List<byte[]> lines = role.state();
            synchronized (this) {
                if (e != epoch) return;
                for (byte[] l : lines) outbox.add(new Out(e, l));
            }
            drain();
        }
        // reported after the state is queued, so that who sees ONLINE finds the screen on its way
        if (status != null) ctx.status(status);
    }

    // ---- PING ------------------------------------------------------------------------------

    private void ping(int e) {
        synchronized (this) {
            if (e != epoch || !connected) return;
            awaitingPong = true;
            outbox.add(new Out(e, TalonSerialProtocol.ping()));
            timer = schedule(e, ANSWER_MILLIS, () -> deadline(e));
        }
        drain();
    }

    private void deadline(int e) {
        Connection reconnect = null;
        DeviceStatus status = null;
        synchronized (this) {
            if (e != epoch || !connected) return;
            if (!awaitingPong) {
                timer = schedule(e, pingMillis - ANSWER_MILLIS, () -> ping(e));
                return;
            }
            misses++;
            if (misses < 2) {
                timer = schedule(e, 0, () -> ping(e));
                return;
            }
            if (heard) {
                // stop here, at once; the transport reports the reason to disconnected() as well
                reconnect = connection;
                connected = false;
                heard = false;
                epoch++;
                status = DeviceStatus.offline(NO_ANSWER);
            } else {
                misses = 0;
                awaitingPong = false;
                if (wrongKind == null) status = DeviceStatus.offline("no answer from " + port);
                timer = schedule(e, pingMillis - ANSWER_MILLIS, () -> ping(e));
            }
        }
        if (reconnect != null) outbox.clear();
        if (status != null) ctx.status(status);
        if (reconnect != null) reconnect.reconnect(NO_ANSWER);
    }

    // ---- plumbing --------------------------------------------------------------------------

    /** Writes what waits, in order, one writer at a time, on the scheduler. */
    private void drain() {
        if (!draining.compareAndSet(false, true)) return;
        try {
            ctx.scheduler().execute(this::writeAll);
        } catch (RejectedExecutionException e) {
            draining.set(false);
        }
    }

    private void writeAll() {
        try {
            Out out;
            while ((out = outbox.poll()) != null) {
                Connection c;
                synchronized (this) {
                    if (out.epoch() != epoch || !connected) continue;
                    c = connection;
                }
                try {
                    c.write(out.bytes());
                } catch (IOException e) {
                    // the transport reopens by itself and tells disconnected(); nothing to add
                    outbox.clear();
                }
            }
        } finally {
            draining.set(false);
        }
        if (!outbox.isEmpty()) drain();
    }

    private ScheduledFuture<?> schedule(int e, long millis, Runnable task) {
        try {
            return ctx.scheduler().schedule(() -> {
                synchronized (this) {
                    if (e != epoch || disposed) return;
                }
                task.run();
            }, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ex) {
            return null;
        }
    }

    private void cancelTimer() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }
}
