package org.talon.device.internal.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.talon.device.api.Connection;
import org.talon.device.api.LinkHandler;

/**
 * The transports by URI scheme, and the connections they keep open: opened and read on the reading
 * threads ({@code io}), reopened with backoff through the shared scheduler.
 */
public final class Transports {
    private final Map<String, Transport> byScheme;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService io;

    public Transports(ScheduledExecutorService scheduler, ExecutorService io, Transport... transports) {
        this.scheduler = scheduler;
        this.io = io;
        Map<String, Transport> m = new java.util.HashMap<>();
        // a serial port is one line that several devices may share (RS-485); a TCP connection is each device's own
        for (Transport t : transports) m.put(t.scheme(), t.scheme().equals("serial") ? new SharedLines(t, io) : t);
        this.byScheme = Map.copyOf(m);
    }

    /** The URI, checked by its transport. @throws IllegalArgumentException saying what is wrong */
    public URI parse(String uri) {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("no port configured (e.g. port = serial:/dev/ttyUSB0?baud=9600 or tcp://10.0.0.5:9100)");
        URI u;
        try {
            u = new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a transport URI: " + uri + " (" + e.getReason() + ")");
        }
        Transport t = u.getScheme() == null ? null : byScheme.get(u.getScheme().toLowerCase(java.util.Locale.ROOT));
        if (t == null) throw new IllegalArgumentException("no transport for '" + uri + "' (known: " + String.join(", ", new java.util.TreeSet<>(byScheme.keySet())) + ")");
        t.check(u);
        return u;
    }

    /** A connection that opens at once (on a reading thread) and keeps itself open until closed. */
    public Connection connect(String uri, LinkHandler handler) {
        URI u = parse(uri);
        ManagedConnection c = new ManagedConnection(uri.strip(), u, byScheme.get(u.getScheme().toLowerCase(java.util.Locale.ROOT)), handler,
                scheduler, io);
        c.start();
        return c;
    }
}
