package org.talon.device.internal.transport;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.talon.device.api.Connection;
import org.talon.device.api.LinkHandler;

/** Keeps what a connection told its driver, and notices two callbacks running at once. */
final class RecordingHandler implements LinkHandler {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final AtomicInteger inside = new AtomicInteger();
    volatile boolean overlapped;

    private void enter() {
        if (inside.incrementAndGet() > 1) overlapped = true;
        try {
            Thread.sleep(2); // widen the window an overlap would need
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void connected(Connection c) {
        enter();
        calls.add("connected");
        inside.decrementAndGet();
    }

    @Override
    public void received(byte[] bytes) {
        enter();
        synchronized (received) {
            received.writeBytes(bytes);
        }
        inside.decrementAndGet();
    }

    @Override
    public void disconnected(String reason) {
        enter();
        calls.add("disconnected: " + reason);
        inside.decrementAndGet();
    }

    byte[] bytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    static void await(Duration within, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            Thread.sleep(5);
        }
    }
}
