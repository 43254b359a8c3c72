package org.talon.device.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.talon.device.api.Connection;
import org.talon.device.api.LinkHandler;

/**
 * An in-memory connection: the test plays the device at its far end. It keeps every byte the
 * driver wrote ({@link #written()}, {@link #take()}), hands the driver bytes as the device would
 * send them ({@link #send}), or answers each write by itself through a {@link #answer} function;
 * {@link #drop} and {@link #open} break and restore it as a pulled cable would. Callbacks run on
 * a thread of the wire, one at a time, as Talon's reading threads run them.
 */
public final class TestConnection implements Connection {
    private final String uri;
    private final LinkHandler handler;
    private final ExecutorService wire;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile Function<byte[], byte[]> answer;
    private volatile String reconnectReason;

    TestConnection(String uri, LinkHandler handler, ExecutorService wire) {
        this.uri = uri;
        this.handler = handler;
        this.wire = wire;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public boolean isConnected() {
        return connected && !closed;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (!isConnected()) throw new IOException("not connected: " + uri);
        synchronized (written) {
            written.write(bytes);
        }
        Function<byte[], byte[]> a = answer;
        if (a != null) {
            byte[] reply = a.apply(bytes.clone());
            if (reply != null && reply.length > 0) send(reply);
        }
    }

    @Override
    public void reconnect(String reason) {
        reconnectReason = reason;
        if (connected) drop(reason);
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Why the driver last asked to reconnect, or {@code null}. */
    public String reconnectReason() {
        return reconnectReason;
    }

    /** The cable is in: the driver is told it is connected. */
    public void open() {
        if (closed) throw new IllegalStateException("the driver closed " + uri);
        connected = true;
        run(() -> handler.connected(this));
    }

    /** The cable is out: writes fail and the driver is told why. */
    public void drop(String reason) {
        connected = false;
        run(() -> handler.disconnected(reason));
    }

    /** The device sends these bytes. */
    public void send(byte[] bytes) {
        byte[] copy = bytes.clone();
        run(() -> {
            if (isConnected()) handler.received(copy);
        });
    }

    /** From now on, the device answers each write with what this function returns (null or empty: nothing). */
    public void answer(Function<byte[], byte[]> device) {
        this.answer = device;
    }

    /** Every byte the driver wrote so far. */
    public byte[] written() {
        synchronized (written) {
            return written.toByteArray();
        }
    }

    /** The bytes written so far, emptied. */
    public byte[] take() {
        synchronized (written) {
            byte[] b = written.toByteArray();
            written.reset();
            return b;
        }
    }

    /** Waits until at least {@code n} bytes are written, and returns them all. */
    public byte[] awaitWritten(int n, Duration within) {
        TestDeviceContext.await(within, () -> written().length >= n, "the driver wrote " + written().length + " bytes, not " + n);
        return written();
    }

    private void run(Runnable r) {
        // callbacks run on the wire's own thread, as Talon's reading threads run them: from that
        // thread in line, from the driver's scheduler queued (it may be waiting for an answer),
        // from the test waited for, so the test sees their effects
        String me = Thread.currentThread().getName();
        if (me.equals(TestDeviceContext.WIRE)) {
            r.run();
            return;
        }
        if (me.equals(TestDeviceContext.SCHEDULER)) {
            wire.execute(r);
            return;
        }
        try {
            wire.submit(r).get();
        } catch (Exception e) {
            throw new AssertionError("a callback of " + uri + " failed", e);
        }
    }
}
