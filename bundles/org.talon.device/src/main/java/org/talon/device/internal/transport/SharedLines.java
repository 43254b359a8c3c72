package org.talon.device.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Several devices on one line: RS-485 boards, Modbus units, Alpha signs share a serial port, each
 * with its own configuration and address. A port is opened once; every connection to it gets a
 * link of its own that writes to the port (one write at a time) and reads everything the line
 * carries (each driver keeps what is addressed to it). When the port breaks, every link on it
 * breaks; the first to reopen opens the port again and the others join it.
 */
final class SharedLines implements Transport {
    /** A read of a link returns 0 after this long without bytes. */
    static final long READ_WAIT_MILLIS = 500;
    private final Transport delegate;
    private final java.util.concurrent.Executor io;
    private final Map<String, Line> open = new HashMap<>();

    /** @param io the reading threads: one reads each open port */
    SharedLines(Transport delegate, java.util.concurrent.Executor io) {
        this.delegate = delegate;
        this.io = io;
    }

    @Override
    public String scheme() {
        return delegate.scheme();
    }

    @Override
    public void check(URI uri) {
        delegate.check(uri);
    }

    /** The port a URI names, whatever its settings. */
    private static String port(URI uri) {
        String ssp = uri.getRawSchemeSpecificPart();
        int q = ssp.indexOf('?');
        return q < 0 ? ssp : ssp.substring(0, q);
    }

    @Override
    public Link open(URI uri) throws IOException {
        String port = port(uri);
        Line line;
        synchronized (open) {
            line = open.get(port);
            if (line != null && !line.uri.equals(uri)) {
                throw new IOException("port " + port + " is open with other settings: " + line.uri + " (every device on one line needs the same)");
            }
            if (line == null) {
                line = new Line(uri, port, delegate.open(uri));
                open.put(port, line);
                io.execute(line::pump);
            }
        }
        return line.join();
    }

    /** One open port and the links on it. */
    private final class Line {
        final URI uri;
        final String port;
        final Link link;
        final List<View> views = new CopyOnWriteArrayList<>();
        volatile IOException broken;

        Line(URI uri, String port, Link link) {
            this.uri = uri;
            this.port = port;
            this.link = link;
        }

        View join() {
            View v = new View(this);
            views.add(v);
            return v;
        }

        /** Reads the port and hands every byte to every link, until the port breaks or its last link closes. */
        void pump() {
            byte[] buffer = new byte[4096];
            try {
                while (true) {
                    int n = link.read(buffer);
                    if (n > 0) {
                        byte[] got = java.util.Arrays.copyOf(buffer, n);
                        for (View v : views) v.incoming.add(got);
                    }
                    if (views.isEmpty()) break;
                }
            } catch (IOException e) {
                broken = e;
            } finally {
                end();
            }
        }

        void leave(View v) {
            views.remove(v);
            if (views.isEmpty()) end();
        }

        private void end() {
            synchronized (open) {
                if (open.get(port) == this) open.remove(port);
            }
            link.close();
            for (View v : views) v.incoming.add(new byte[0]); // wakes a reader to find the line broken
        }
    }

    /** One connection's link on a shared port. */
    private static final class View implements Link {
        final Line line;
        final LinkedBlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
        volatile boolean closed;

        View(Line line) {
            this.line = line;
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            if (closed) throw new IOException("closed");
            byte[] got;
            try {
                got = incoming.poll(READ_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (closed) throw new IOException("closed");
            if (got == null || got.length == 0) {
                if (line.broken != null) throw line.broken;
                if (!line.views.contains(this)) throw new IOException("port " + line.port + " closed");
                return 0;
            }
            int n = Math.min(got.length, buffer.length);
            System.arraycopy(got, 0, buffer, 0, n);
            if (n < got.length) {
                // the rest first, next time
                java.util.ArrayList<byte[]> rest = new java.util.ArrayList<>();
                rest.add(java.util.Arrays.copyOfRange(got, n, got.length));
                incoming.drainTo(rest);
                incoming.addAll(rest);
            }
            return n;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (closed) throw new IOException("closed");
            if (line.broken != null) throw line.broken;
            synchronized (line) {
                line.link.write(bytes);
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            incoming.add(new byte[0]);
            line.leave(this);
        }
    }
}
