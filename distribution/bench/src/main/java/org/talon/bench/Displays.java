package org.talon.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Many hall displays on a branch's event stream (Server-Sent Events), all read by one thread
 * through a selector so that thousands of them cost the load generator little. Each display
 * checks that the sequence numbers it receives follow each other (none missed, none twice) and
 * notes when each {@code TicketCalled} arrived, so the run can tell call-to-display latency.
 */
public final class Displays implements Closeable, LoadGenerator.CallObserver {
    private final List<Display> displays = new ArrayList<>();
    /** A few selector threads share the displays, so reading does not queue behind one thread. */
    private final Selector[] selectors;
    private final Thread[] readers;
    private volatile boolean running = true;
    /** When each called ticket's call request was sent, by ticket id. */
    private final Map<Long, Long> callSent = new ConcurrentHashMap<>();

    /** The figures of a run. */
    public record Figures(int displays, int connected, long calls, Histogram latency, long missing, long missed, long duplicated) {
        public String describe() {
            return String.format("%d displays (%d connected), %d calls: call -> display p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " %d deliveries of a call missing, %d events missed in sequence, %d received twice",
                    displays, connected, calls, latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getMaxValue() / 1e6, missing, missed, duplicated);
        }
    }

    /**
     * Connects {@code count} displays to {@code /api/v1/branches/{branch}/events?from=now} and
     * returns once every one of them has its stream open.
     */
    public Displays(int port, String auth, String branch, int count) throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(4, count / 250));
        selectors = new Selector[threads];
        for (int i = 0; i < threads; i++) selectors[i] = Selector.open();
        byte[] request = ("GET /api/v1/branches/" + branch + "/events?from=now HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.connect(new InetSocketAddress("127.0.0.1", port));
            ch.socket().setTcpNoDelay(true);
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) ch.write(out);
            ch.configureBlocking(false);
            Display d = new Display();
            displays.add(d);
            ch.register(selectors[i % threads], SelectionKey.OP_READ, d);
        }
        readers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            Selector sel = selectors[i];
            readers[i] = new Thread(() -> read(sel), "displays-" + i);
            readers[i].setDaemon(true);
            readers[i].start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (connected() < count && System.nanoTime() < deadline) Thread.sleep(20);
        if (connected() < count) throw new IOException("only " + connected() + " of " + count + " displays got their stream");
    }

    public int connected() {
        int n = 0;
        for (Display d : displays) if (d.status == 200) n++;
        return n;
    }

    @Override
    public void called(long ticketId, long sentNanos) {
        callSent.put(ticketId, sentNanos);
    }

    /** Waits up to {@code millis} for every display to receive every call, then tells the figures. */
    public Figures figures(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline && missing() > 0) Thread.sleep(20);
        Histogram h = new Histogram(3);
        long missing = 0;
        long missed = 0;
        long dup = 0;
        Map<Long, Long> sent = Map.copyOf(callSent);
        for (Display d : displays) {
            synchronized (d) {
                missed += d.missed;
                dup += d.duplicated;
                for (Map.Entry<Long, Long> e : sent.entrySet()) {
                    Long got = d.calledAt.get(e.getKey());
                    if (got == null) missing++;
                    else h.recordValue(Math.max(1, got - e.getValue()));
                }
            }
        }
        return new Figures(displays.size(), connected(), sent.size(), h, missing, missed, dup);
    }

    private long missing() {
        long m = 0;
        for (Display d : displays) {
            synchronized (d) {
                for (Long id : callSent.keySet()) if (!d.calledAt.containsKey(id)) m++;
            }
        }
        return m;
    }

    private void read(Selector selector) {
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        byte[] bytes = new byte[65536];
        while (running) {
            try {
                selector.select(200);
                var it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    Display d = (Display) k.attachment();
                    SocketChannel ch = (SocketChannel) k.channel();
                    buf.clear();
                    int n;
                    try {
                        n = ch.read(buf);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        k.cancel();
                        ch.close();
                        d.closed = true;
                        continue;
                    }
                    long now = System.nanoTime();
                    buf.flip();
                    buf.get(bytes, 0, n);
                    synchronized (d) {
                        d.feed(bytes, n, now);
                    }
                }
            } catch (IOException e) {
                if (running) throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            for (Thread r : readers) r.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Selector selector : selectors) {
            for (SelectionKey k : selector.keys()) k.channel().close();
            selector.close();
        }
    }

    /** One display's connection: HTTP head, then chunked transfer coding around the event stream. */
    private static final class Display {
        int status;
        boolean closed;
        boolean inHead = true;
        boolean chunked;
        /** Bytes left of the current chunk; -1 while reading a chunk-size line. */
        long chunkLeft = -1;
        boolean chunkCrlf;
        final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        /** The current line of the event stream (not a synchronized stream: this is the hot path). */
        byte[] body = new byte[1024];
        int bodyLength;
        final ByteArrayOutputStream sizeLine = new ByteArrayOutputStream(16);
        long lastSeq = -1;
        long missed;
        long duplicated;
        long eventId = -1;
        String eventType;
        String eventData;
        final Map<Long, Long> calledAt = new HashMap<>();

        void feed(byte[] b, int n, long now) {
            int i = 0;
            while (i < n) {
                if (inHead) {
                    byte c = b[i++];
                    if (c == '\n') {
                        String l = line.toString(StandardCharsets.ISO_8859_1).trim();
                        line.reset();
                        if (l.isEmpty()) {
                            inHead = false;
                        } else if (l.startsWith("HTTP/1.")) {
                            status = Integer.parseInt(l.substring(9, 12));
                        } else if (l.regionMatches(true, 0, "transfer-encoding:", 0, 18) && l.toLowerCase().contains("chunked")) {
                            chunked = true;
                        }
                    } else {
                        line.write(c);
                    }
                    continue;
                }
                if (!chunked) {
                    body(b[i++], now);
                    continue;
                }
                if (chunkCrlf) {
                    // the CRLF after a chunk's data
                    if (b[i++] == '\n') chunkCrlf = false;
                    continue;
                }
                if (chunkLeft < 0) {
                    byte c = b[i++];
                    if (c == '\n') {
                        String s = sizeLine.toString(StandardCharsets.ISO_8859_1).trim();
                        sizeLine.reset();
                        int semi = s.indexOf(';');
                        chunkLeft = Long.parseLong(semi < 0 ? s : s.substring(0, semi), 16);
                        if (chunkLeft == 0) closed = true;
                    } else {
                        sizeLine.write(c);
                    }
                    continue;
                }
                long take = Math.min(chunkLeft, n - i);
                for (int k = 0; k < take; k++) body(b[i + k], now);
                i += (int) take;
                chunkLeft -= take;
                if (chunkLeft == 0) {
                    chunkLeft = -1;
                    chunkCrlf = true;
                }
            }
        }

        private void body(byte c, long now) {
            if (c != '\n') {
                if (bodyLength == body.length) body = java.util.Arrays.copyOf(body, body.length * 2);
                body[bodyLength++] = c;
                return;
            }
            int n = bodyLength;
            bodyLength = 0;
            if (n > 0 && body[n - 1] == '\r') n--;
            if (n == 0) {
                dispatch(now);
            } else if (starts("id:", n)) {
                eventId = Long.parseLong(new String(body, 3, n - 3, StandardCharsets.US_ASCII).trim());
            } else if (starts("event:", n)) {
                eventType = new String(body, 6, n - 6, StandardCharsets.US_ASCII).trim();
            } else if (starts("data:", n) && "TicketCalled".equals(eventType)) {
                eventData = new String(body, 5, n - 5, StandardCharsets.UTF_8).trim();
            }
        }

        private boolean starts(String prefix, int n) {
            if (n < prefix.length()) return false;
            for (int i = 0; i < prefix.length(); i++) if (body[i] != prefix.charAt(i)) return false;
            return true;
        }

        private void dispatch(long now) {
            if (eventId >= 0) {
                if (lastSeq >= 0) {
                    if (eventId <= lastSeq) duplicated++;
                    else missed += eventId - lastSeq - 1;
                }
                if (eventId > lastSeq) lastSeq = eventId;
                if ("TicketCalled".equals(eventType) && eventData != null) {
                    int at = eventData.indexOf("\"ticketId\":");
                    if (at >= 0) {
                        int s = at + 11;
                        int e = s;
                        while (e < eventData.length() && Character.isDigit(eventData.charAt(e))) e++;
                        calledAt.putIfAbsent(Long.parseLong(eventData.substring(s, e)), now);
                    }
                }
            }
            eventId = -1;
            eventType = null;
            eventData = null;
        }
    }
}
