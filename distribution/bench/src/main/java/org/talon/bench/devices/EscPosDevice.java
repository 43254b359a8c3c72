package org.talon.bench.devices;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ESC/POS thermal printer as the wire sees it: it answers the real-time status queries
 * ({@code DLE EOT n}) from its sensors and keeps each ticket, from the printer's initialisation
 * ({@code ESC @}) to its cut ({@code GS V}), with when its first and last byte came.
 */
public final class EscPosDevice implements DeviceWire.Emulator {
    /** One ticket as printed: its bytes (control bytes included) and when they came. */
    public record Ticket(byte[] bytes, long firstNanos, long cutNanos) {
        /** The printable text on it. */
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[\\x00-\\x1f]", " ");
        }
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<Ticket> tickets = new ArrayList<>();
    private long first = -1;
    private volatile boolean paperOut;
    private volatile boolean coverOpen;
    private int queries;

    /** Sets the paper sensor: out of paper, or loaded. */
    public void paperOut(boolean out) {
        paperOut = out;
    }

    public void coverOpen(boolean open) {
        coverOpen = open;
    }

    @Override
    public synchronized byte[] accept(byte[] written, long nanos) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (byte b : written) {
            pending.write(b);
            byte[] p = pending.toByteArray();
            int n = p.length;
            // DLE EOT n: answered at once, never part of a ticket
            if (n >= 3 && p[n - 3] == 0x10 && p[n - 2] == 0x04 && p[n - 1] >= 1 && p[n - 1] <= 4) {
                reply.write(status(p[n - 1]));
                queries++;
                pending.reset();
                pending.write(p, 0, n - 3);
                if (pending.size() == 0) first = -1; // a query is not the start of a ticket
                continue;
            }
            if (n == 1 && first < 0) first = nanos;
            // GS V m (n): the cut ends a ticket
            if (n >= 3 && p[n - 3] == 0x1D && p[n - 2] == 0x56) {
                int m = p[n - 1];
                if (m == 0 || m == 1 || m == 48 || m == 49) cut(nanos);
            } else if (n >= 4 && p[n - 4] == 0x1D && p[n - 3] == 0x56 && (p[n - 2] == 65 || p[n - 2] == 66)) {
                cut(nanos);
            }
        }
        return reply.toByteArray();
    }

    private void cut(long nanos) {
        byte[] t = pending.toByteArray();
        // a ticket begins at its ESC @; what came before it is left out
        int start = 0;
        for (int i = 0; i + 1 < t.length; i++) {
            if (t[i] == 0x1B && t[i + 1] == 0x40) {
                start = i;
                break;
            }
        }
        tickets.add(new Ticket(java.util.Arrays.copyOfRange(t, start, t.length), first < 0 ? nanos : first, nanos));
        pending.reset();
        first = -1;
        notifyAll();
    }

    /** The status byte for DLE EOT n, as Epson's TM printers answer it. */
    private byte status(int n) {
        return switch (n) {
            case 1 -> (byte) (paperOut || coverOpen ? 0x1A : 0x12);
            case 2 -> (byte) (0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0));
            case 4 -> (byte) (paperOut ? 0x7E : 0x12);
            default -> 0x12;
        };
    }

    public synchronized List<Ticket> tickets() {
        return List.copyOf(tickets);
    }

    public synchronized int queries() {
        return queries;
    }

    /** Waits until the printer has {@code count} tickets. */
    public synchronized List<Ticket> await(int count, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (tickets.size() < count) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) throw new IllegalStateException("the printer has " + tickets.size() + " tickets, not " + count);
            wait(left);
        }
        return List.copyOf(tickets);
    }
}
