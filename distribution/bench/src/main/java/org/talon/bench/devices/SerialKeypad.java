package org.talon.bench.devices;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A keypad speaking Talon's serial line protocol (org.talon.driver.talonserial), as a
 * microcontroller would: it answers {@code PING} with {@code PONG} and keeps the {@code SHOW}
 * lines; its keys are {@code KEY <name>} lines the test sends through the wire.
 */
public final class SerialKeypad implements DeviceWire.Emulator {
    private final StringBuilder line = new StringBuilder();
    private final List<String> shown = new ArrayList<>();
    private int pings;

    @Override
    public synchronized byte[] accept(byte[] written, long nanos) {
        StringBuilder reply = new StringBuilder();
        for (byte b : written) {
            char c = (char) (b & 0xFF);
            if (c == '\n') {
                String l = line.toString();
                line.setLength(0);
                if (l.equals("PING")) {
                    pings++;
                    reply.append("PONG\n");
                } else if (l.startsWith("SHOW ")) {
                    shown.add(l.substring(5));
                    notifyAll();
                }
            } else if (c != '\r') {
                line.append(c);
            }
        }
        return reply.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The line a key press sends. */
    public static byte[] key(String name) {
        return ("KEY " + name + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    public synchronized int pings() {
        return pings;
    }

    /** Waits until the keypad's screen shows a line containing {@code part}. */
    public synchronized String await(String part, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (;;) {
            for (int i = shown.size() - 1; i >= 0; i--) if (shown.get(i).contains(part)) return shown.get(i);
            long left = end - System.currentTimeMillis();
            if (left <= 0) throw new IllegalStateException("the keypad showed " + shown + ", nothing with " + part);
            wait(left);
        }
    }
}
