package org.talon.bench.devices;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A Modbus-RTU 7-segment counter display as the wire sees it: a slave that takes "write multiple
 * registers" (16) and "write single register" (6) to its unit id, checks each frame's CRC, shows
 * the registers as characters (one register a character, as the driver's {@code ascii} format
 * writes them) and answers as the Modbus spec says.
 */
public final class ModbusDisplay implements DeviceWire.Emulator {
    /** What the display showed, and when the frame that made it so was complete. */
    public record Shown(String text, long nanos) {
    }

    private final int unit;
    private final int[] registers = new int[64];
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<Shown> shown = new ArrayList<>();
    private int badFrames;

    public ModbusDisplay(int unit) {
        this.unit = unit;
    }

    /** CRC-16/MODBUS. */
    public static int crc(byte[] b, int len) {
        int crc = 0xFFFF;
        for (int i = 0; i < len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc;
    }

    @Override
    public synchronized byte[] accept(byte[] written, long nanos) {
        pending.writeBytes(written);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (;;) {
            byte[] p = pending.toByteArray();
            int len = frameLength(p);
            if (len < 0 || p.length < len) break;
            int crc = crc(p, len - 2);
            boolean ok = (p[len - 2] & 0xFF) == (crc & 0xFF) && (p[len - 1] & 0xFF) == (crc >>> 8);
            pending.reset();
            pending.write(p, len, p.length - len);
            if (!ok) {
                badFrames++;
                continue;
            }
            if ((p[0] & 0xFF) != unit) continue;
            int start = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
            byte[] answer;
            if (p[1] == 0x06) {
                registers[start % registers.length] = ((p[4] & 0xFF) << 8) | (p[5] & 0xFF);
                answer = java.util.Arrays.copyOf(p, 6);
            } else {
                int count = ((p[4] & 0xFF) << 8) | (p[5] & 0xFF);
                for (int i = 0; i < count; i++) registers[(start + i) % registers.length] = ((p[7 + 2 * i] & 0xFF) << 8) | (p[8 + 2 * i] & 0xFF);
                answer = java.util.Arrays.copyOf(p, 6);
            }
            shown.add(new Shown(text(), nanos));
            notifyAll();
            int c = crc(answer, 6);
            reply.writeBytes(answer);
            reply.write(c & 0xFF);
            reply.write(c >>> 8);
        }
        return reply.toByteArray();
    }

    /** The length of the frame at the start of {@code p} (function 6 or 16), or -1 when not yet known. */
    private static int frameLength(byte[] p) {
        if (p.length < 2) return -1;
        if (p[1] == 0x06) return 8;
        if (p[1] == 0x10) return p.length < 7 ? -1 : 9 + (p[6] & 0xFF);
        return 2; // not a function this display knows: skip the bytes
    }

    /** The first 4 registers as characters, a space for 0 or a blank. */
    public synchronized String text() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) b.append(registers[i] >= 0x20 && registers[i] < 0x7F ? (char) registers[i] : ' ');
        return b.toString();
    }

    public synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    public synchronized int badFrames() {
        return badFrames;
    }

    /** Waits until the display shows {@code text} (trimmed), returns when the frame that showed it came. */
    public synchronized Shown await(String text, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (;;) {
            for (int i = shown.size() - 1; i >= 0; i--) {
                if (shown.get(i).text().strip().equals(text)) return shown.get(i);
            }
            long left = end - System.currentTimeMillis();
            if (left <= 0) throw new IllegalStateException("the display shows '" + text() + "', not " + text);
            wait(left);
        }
    }
}
