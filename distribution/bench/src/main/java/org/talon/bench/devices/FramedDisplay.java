package org.talon.bench.devices;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An LED board that takes frames and answers nothing, as the wire sees it: an Alpha sign (NUL x5,
 * SOH, type, address, STX, command, text, ETX, four hex digits of the 16-bit sum from STX through
 * ETX, EOT; a packet whose sum is wrong is dropped, as a sign does) or an addressed RS-485 board
 * of QSystem installations (0x01, address, text, 0x07). It keeps each frame's printable text.
 */
public final class FramedDisplay implements DeviceWire.Emulator {
    public enum Protocol { ALPHA, RS485 }

    /** One frame as the board took it: its address and printable text. */
    public record Frame(String address, String text, long nanos) {
    }

    private final Protocol protocol;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<Frame> frames = new ArrayList<>();
    private int badFrames;

    public FramedDisplay(Protocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public synchronized byte[] accept(byte[] written, long nanos) {
        for (byte b : written) {
            int c = b & 0xFF;
            if (protocol == Protocol.ALPHA ? c == 0x04 : c == 0x07) {
                frame(pending.toByteArray(), nanos);
                pending.reset();
            } else {
                pending.write(c);
            }
        }
        return new byte[0];
    }

    private void frame(byte[] f, long nanos) {
        if (protocol == Protocol.RS485) {
            int start = lastIndexOf(f, 0x01);
            if (start < 0 || start + 1 >= f.length) {
                badFrames++;
                return;
            }
            frames.add(new Frame(String.valueOf(f[start + 1] & 0xFF), printable(f, start + 2, f.length), nanos));
        } else {
            int soh = lastIndexOf(f, 0x01);
            int stx = lastIndexOf(f, 0x02);
            int etx = lastIndexOf(f, 0x03);
            if (soh < 0 || stx < soh || etx < stx || etx + 5 != f.length) {
                badFrames++;
                return;
            }
            int sum = 0;
            for (int i = stx; i <= etx; i++) sum += f[i] & 0xFF;
            String hex = new String(f, etx + 1, 4, StandardCharsets.US_ASCII);
            if (!hex.equals(String.format("%04X", sum & 0xFFFF))) {
                badFrames++;
                return;
            }
            frames.add(new Frame(new String(f, soh + 2, stx - soh - 2, StandardCharsets.US_ASCII), printable(f, stx + 3, etx), nanos));
        }
        notifyAll();
    }

    private static int lastIndexOf(byte[] f, int b) {
        for (int i = f.length - 1; i >= 0; i--) if ((f[i] & 0xFF) == b) return i;
        return -1;
    }

    private static String printable(byte[] f, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = f[i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : ' ');
        }
        return s.toString();
    }

    public synchronized int badFrames() {
        return badFrames;
    }

    public synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Waits for a frame whose text contains {@code part}. */
    public synchronized Frame await(String part, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (;;) {
            for (Frame f : frames) if (f.text().contains(part)) return f;
            long left = end - System.currentTimeMillis();
            if (left <= 0) throw new IllegalStateException("no frame with '" + part + "' in " + frames);
            wait(left);
        }
    }
}
