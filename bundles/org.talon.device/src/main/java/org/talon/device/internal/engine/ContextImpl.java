package org.talon.device.internal.engine;

import java.util.concurrent.ScheduledExecutorService;
import org.talon.device.api.Connection;
import org.talon.device.api.DeviceContext;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.KeypadKey;
import org.talon.device.api.LinkHandler;
import org.talon.device.api.Location;

/** The context of one unit; after the unit is disposed, what its driver still reports is dropped. */
final class ContextImpl implements DeviceContext {
    private final HardwareHost host;
    private final HardwareUnit unit;
    private final java.util.List<Connection> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean disposed;

    ContextImpl(HardwareHost host, HardwareUnit unit) {
        this.host = host;
        this.unit = unit;
    }

    @Override
    public String id() {
        return unit.id;
    }

    @Override
    public Location location() {
        return unit.location;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return host.scheduler();
    }

    @Override
    public Connection connect(String uri, LinkHandler handler) {
        if (disposed) throw new IllegalStateException("device " + unit.id + " was disposed");
        Connection c = host.transports().connect(uri, handler);
        connections.add(c);
        return c;
    }

    @Override
    public void status(DeviceStatus status) {
        if (!disposed && status != null) host.record(unit, status);
    }

    @Override
    public void keyPressed(KeypadKey key) {
        if (!disposed && key != null) host.keyPressed(unit, key);
    }

    @Override
    public void rated(int rating, int scale) {
        if (!disposed) host.rated(unit, rating, scale);
    }

    /** Closes what the driver left open. */
    void dispose() {
        disposed = true;
        for (Connection c : connections) c.close();
    }
}
