package org.talon.device.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.talon.device.api.Connection;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.KeypadKey;
import org.talon.device.api.LinkHandler;
import org.talon.device.api.Location;

/**
 * A {@link DeviceContext} for a driver under test: one scheduler thread (as tight as Talon's
 * shared scheduler is for one device), connections that are {@link TestConnection} pipes, and
 * everything the driver reports kept in order. Close it after the test.
 */
public final class TestDeviceContext implements DeviceContext, AutoCloseable {
    static final String SCHEDULER = "tck-scheduler";
    static final String WIRE = "tck-wire";
    private final String id;
    private final Location location;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, SCHEDULER);
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService wire = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, WIRE);
        t.setDaemon(true);
        return t;
    });
    private final List<TestConnection> connections = new CopyOnWriteArrayList<>();
    private final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<KeypadKey> keys = new CopyOnWriteArrayList<>();
    private final List<int[]> ratings = new CopyOnWriteArrayList<>();

    public TestDeviceContext(String id, Location location) {
        this.id = id;
        this.location = location;
    }

    /** A device {@code test-1} at counter 1 of branch {@code demo}. */
    public static TestDeviceContext atCounter() {
        return new TestDeviceContext("test-1", new Location("demo", "1", null, null));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A pipe that is not connected yet: the test connects it with {@link TestConnection#open()}. */
    @Override
    public Connection connect(String uri, LinkHandler handler) {
        if (uri == null || !uri.matches("[a-z]+:.+")) throw new IllegalArgumentException("no transport for '" + uri + "' (known: serial, tcp)");
        TestConnection c = new TestConnection(uri, handler, wire);
        connections.add(c);
        return c;
    }

    @Override
    public void status(DeviceStatus status) {
        if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) statuses.add(status);
    }

    @Override
    public void keyPressed(KeypadKey key) {
        keys.add(key);
    }

    @Override
    public void rated(int rating, int scale) {
        ratings.add(new int[] {rating, scale});
    }

    /** The connections the driver asked for, in order. */
    public List<TestConnection> connections() {
        return List.copyOf(connections);
    }

    /** The one connection the driver asked for (waits up to a second for it). */
    public TestConnection connection() {
        await(Duration.ofSeconds(1), () -> !connections.isEmpty(), "the driver opened no connection");
        return connections.get(connections.size() - 1);
    }

    /** Every status reported, changes only, in order. */
    public List<DeviceStatus> statuses() {
        return new ArrayList<>(statuses);
    }

    /** The last status reported, or {@code null}. */
    public DeviceStatus status() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    /** Waits until the last status is of this state, or fails. */
    public DeviceStatus awaitStatus(DeviceStatus.State state, Duration within) {
        await(within, () -> status() != null && status().state() == state,
                "status is " + status() + ", not " + state + " within " + within.toMillis() + " ms");
        return status();
    }

    public List<KeypadKey> keys() {
        return List.copyOf(keys);
    }

    /** Ratings as {rating, scale}. */
    public List<int[]> ratings() {
        return List.copyOf(ratings);
    }

    /** Waits for the scheduler and the wire, so a test sees the effects of what was queued on them before. */
    public void drain() {
        try {
            scheduler.submit(() -> { }).get();
            wire.submit(() -> { }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} every 5 ms until it holds, or fails with {@code message}. */
    public static void await(Duration within, BooleanSupplier condition, String message) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError(message);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(message, e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        wire.shutdownNow();
    }
}
