package org.talon.driver.escpos.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.talon.device.api.Connection;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.LinkHandler;
import org.talon.device.api.PrintFailedException;
import org.talon.device.api.PrintedTicket;
import org.talon.device.api.TicketPrinter;

/**
 * An ESC/POS ticket printer on a serial port or raw TCP (port 9100).
 *
 * <p>It asks the printer for its real-time status (DLE EOT 1-4) when connected, every
 * {@code statusIntervalSeconds} when idle, before each ticket and after it, and reports what the answer says.
 * Tickets print one at a time, in order: a ticket is sent only when the status just asked says the printer can
 * print, and its print completes when the printer answers the status query sent after it without a fault (so a
 * paper end while printing fails the ticket). A query the printer does not answer within a second makes the
 * connection reconnect. Nothing is sent again after a reconnect but the status query: a ticket that was not
 * confirmed has already failed, and Talon printed it elsewhere.
 *
 * <p>All state is guarded by {@link #lock}; writes happen on the scheduler, outside the lock; statuses and
 * completions are reported after the lock is released.
 */
@Component(configurationPid = "org.talon.driver.escpos.printer", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = TicketPrinter.class)
@Designate(ocd = PrinterConfig.class, factory = true)
public final class EscPosPrinter implements TicketPrinter {
    /** How long the printer has to answer a status query (it answers DLE EOT at once, even when offline). */
    static final long ANSWER_TIMEOUT_MILLIS = 1000;

    private final String port;
    private final int statusIntervalSeconds;
    private final TicketLayout layout;
    /** Why the configuration cannot work, or {@code null}. */
    private final String problem;

    private final Object lock = new Object();
    private DeviceContext context;
    private Connection connection;
    private boolean connected;
    private boolean disposed;
    private boolean pollDue;
    private final Deque<Job> queue = new ArrayDeque<>();
    /** The ticket being checked, printed or confirmed, or {@code null}. */
    private Job current;
    /** The status query waiting for its answer, or {@code null}. */
    private Query query;
    private ScheduledFuture<?> poller;

    @Activate
    public EscPosPrinter(PrinterConfig config) {
        this.port = config.port();
        this.statusIntervalSeconds = Math.max(1, config.statusIntervalSeconds());
        TicketLayout l = null;
        String p = null;
        try {
            if (port == null || port.isBlank()) throw new IllegalArgumentException("no port");
            l = new TicketLayout(Model.of(config.model()), Cut.of(config.cut()), config.feedLines(), config.qrSize(),
                    config.columns(), CodeTables.of(config.codePages()));
        } catch (IllegalArgumentException e) {
            p = "configuration: " + e.getMessage();
        }
        this.layout = l;
        this.problem = p;
    }

    @Override
    public void initialize(DeviceContext ctx) {
        synchronized (lock) {
            context = ctx;
        }
        if (problem != null) {
            ctx.status(DeviceStatus.error(problem));
            return;
        }
        ctx.status(DeviceStatus.offline("connecting to " + port));
        Connection c;
        try {
            c = ctx.connect(port, new Link());
        } catch (IllegalArgumentException e) {
            ctx.status(DeviceStatus.error("cannot open " + port + ": " + e.getMessage()));
            return;
        }
        synchronized (lock) {
            if (disposed) {
                c.close();
                return;
            }
            connection = c;
            try {
                poller = ctx.scheduler().scheduleWithFixedDelay(this::pollTick, statusIntervalSeconds, statusIntervalSeconds, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                // the scheduler is shutting down: Talon is stopping and disposes the driver next
            }
        }
    }

    /** Runs {@link #pump} on the scheduler, unless it is shutting down (Talon stopping). */
    private void pumpLater(DeviceContext ctx) {
        try {
            ctx.scheduler().execute(this::pump);
        } catch (RejectedExecutionException e) {
            // Talon is stopping and disposes the driver next
        }
    }

    @Override
    public CompletionStage<Void> print(PrintedTicket ticket) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        String refusal = null;
        byte[] bytes = null;
        if (problem != null) refusal = problem;
        else {
            try {
                bytes = layout.bytes(ticket);
            } catch (RuntimeException e) {
                refusal = "cannot lay out " + ticket + ": " + e.getMessage();
            }
        }
        DeviceContext ctx;
        synchronized (lock) {
            ctx = context;
            if (refusal == null) {
                if (disposed) refusal = "driver stopped";
                else if (ctx == null) refusal = "not initialized";
                else if (!connected) refusal = "not connected to " + port;
                else queue.add(new Job(bytes, done));
            }
        }
        if (refusal != null) done.completeExceptionally(new PrintFailedException(refusal));
        else pumpLater(ctx);
        return done.minimalCompletionStage();
    }

    @Override
    public void dispose() {
        List<Job> unfinished = new ArrayList<>();
        Connection c;
        synchronized (lock) {
            if (disposed) return;
            disposed = true;
            c = connection;
            connection = null;
            connected = false;
            if (poller != null) poller.cancel(false);
            if (query != null && query.timeout != null) query.timeout.cancel(false);
            query = null;
            takeJobs(unfinished);
        }
        if (c != null) c.close();
        for (Job j : unfinished) j.fail("driver stopped");
    }

    /** Moves the ticket in progress and every queued one into {@code into}. Holding the lock. */
    private void takeJobs(List<Job> into) {
        if (current != null) into.add(current);
        current = null;
        into.addAll(queue);
        queue.clear();
    }

    private void pollTick() {
        DeviceContext ctx;
        synchronized (lock) {
            if (disposed || !connected) return;
            pollDue = true;
            ctx = context;
        }
        pumpLater(ctx);
    }

    /** Sends what comes next, if nothing is waiting for an answer: a ticket's check, the ticket, or a poll. On the scheduler. */
    private void pump() {
        Query q;
        byte[] out;
        Connection c;
        synchronized (lock) {
            if (disposed || !connected || query != null) return;
            if (current == null) current = queue.poll();
            if (current != null && current.stage == Stage.CHECK) {
                q = new Query(Purpose.BEFORE_TICKET);
                out = RealTimeStatus.query();
            } else if (current != null && current.stage == Stage.PRINT) {
                q = new Query(Purpose.AFTER_TICKET);
                out = new EscPos.Bytes().add(current.bytes).add(RealTimeStatus.query()).toArray();
                current.stage = Stage.CONFIRM;
            } else if (current == null && pollDue) {
                q = new Query(Purpose.POLL);
                out = RealTimeStatus.query();
            } else {
                return;
            }
            pollDue = false;
            query = q;
            c = connection;
        }
        try {
            c.write(out);
        } catch (IOException e) {
            // the connection reopens by itself and reports why through disconnected()
            Job failed = null;
            synchronized (lock) {
                if (query == q) {
                    query = null;
                    failed = current;
                    current = null;
                }
            }
            if (failed != null) failed.fail("write failed: " + e.getMessage());
            return;
        }
        synchronized (lock) {
            if (query == q && !disposed) {
                try {
                    q.timeout = context.scheduler().schedule(() -> timedOut(q), ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // the scheduler is shutting down: Talon is stopping and disposes the driver next
                }
            }
        }
    }

    private void timedOut(Query q) {
        Job failed;
        Connection c;
        synchronized (lock) {
            if (query != q) return;
            query = null;
            failed = current;
            current = null;
            c = connection;
        }
        if (failed != null) failed.fail("no answer from the printer to a status query");
        if (c != null) c.reconnect("no answer to status query");
    }

    private void answered(Query q, DeviceStatus status) {
        Job done = null;
        Job failed = null;
        DeviceContext ctx;
        synchronized (lock) {
            if (query != q || disposed) return;
            query = null;
            if (q.timeout != null) q.timeout.cancel(false);
            ctx = context;
            if (q.purpose == Purpose.BEFORE_TICKET && current != null) {
                if (status.usable()) current.stage = Stage.PRINT;
                else {
                    failed = current;
                    current = null;
                }
            } else if (q.purpose == Purpose.AFTER_TICKET && current != null) {
                if (status.usable()) done = current;
                else failed = current;
                current = null;
            }
        }
        ctx.status(status);
        if (done != null) done.done.complete(null);
        if (failed != null) failed.fail(status.reason());
        pumpLater(ctx);
    }

    /** What the connection tells: it runs on Talon's reading threads, so it only takes the lock briefly. */
    private final class Link implements LinkHandler {
        @Override
        public void connected(Connection c) {
            DeviceContext ctx;
            synchronized (lock) {
                if (disposed) return;
                connection = c;
                connected = true;
                pollDue = true;
                ctx = context;
            }
            pumpLater(ctx);
        }

        @Override
        public void received(byte[] bytes) {
            Query q;
            DeviceStatus status;
            synchronized (lock) {
                q = query;
                if (q == null || !q.reply.add(bytes)) return; // not asked (a late answer, XON/XOFF), or not all yet
                status = q.reply.status();
            }
            answered(q, status);
        }

        @Override
        public void disconnected(String reason) {
            List<Job> unfinished = new ArrayList<>();
            DeviceContext ctx;
            synchronized (lock) {
                if (disposed) return;
                connected = false;
                pollDue = false;
                if (query != null && query.timeout != null) query.timeout.cancel(false);
                query = null;
                takeJobs(unfinished);
                ctx = context;
            }
            ctx.status(DeviceStatus.offline(reason));
            for (Job j : unfinished) j.fail("not connected: " + reason);
        }
    }

    private enum Purpose { POLL, BEFORE_TICKET, AFTER_TICKET }

    private enum Stage { CHECK, PRINT, CONFIRM }

    /** A status query sent, waiting for its answer. */
    private static final class Query {
        final Purpose purpose;
        final RealTimeStatus.Reply reply = new RealTimeStatus.Reply();
        ScheduledFuture<?> timeout;

        Query(Purpose purpose) {
            this.purpose = purpose;
        }
    }

    /** A ticket to print: its bytes, how far it got, and the print's result. */
    private static final class Job {
        final byte[] bytes;
        final CompletableFuture<Void> done;
        Stage stage = Stage.CHECK;

        Job(byte[] bytes, CompletableFuture<Void> done) {
            this.bytes = bytes;
            this.done = done;
        }

        void fail(String reason) {
            done.completeExceptionally(new PrintFailedException(reason));
        }
    }
}
