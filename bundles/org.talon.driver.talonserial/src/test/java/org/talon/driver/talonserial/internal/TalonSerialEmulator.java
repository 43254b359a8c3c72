package org.talon.driver.talonserial.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.talon.device.api.KeypadKey;

/**
 * A fake microcontroller that speaks the Talon serial protocol as the example sketches do, and
 * checks strictly what Talon writes: LF-terminated lines (no CR), at most 64 printable ASCII
 * characters, known commands with well-formed arguments, screen lines of at most 16 characters.
 * What breaks a rule is kept in {@link #violations()} (a test asserts it is empty) rather than
 * thrown, since {@link #accept} runs inside the driver's write.
 *
 * <p>It answers PING with PONG (unless {@link #deaf}), optionally acknowledges commands with OK,
 * and keeps what it would show: the two screen lines, the LED, the ticket it asks a rating for.
 * {@link #accept} plugs into {@code TestConnection.answer(emulator::accept)}.
 */
final class TalonSerialEmulator {
    private static final Set<String> LED_STATES = Set.of("on", "off", "blink");
    private final String kind;
    private final StringBuilder pending = new StringBuilder();
    private final List<String> lines = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private boolean deaf;
    private boolean acknowledging;
    private String line1 = "";
    private String line2 = "";
    private String led = "off";
    private String asked;
    private int pings;

    /** A device that says it is a {@code kind} (keypad, feedback, combo). */
    TalonSerialEmulator(String kind) {
        this.kind = kind;
    }

    /** Takes what Talon wrote and returns what the device answers (possibly nothing). */
    synchronized byte[] accept(byte[] written) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (byte b : written) {
            int c = b & 0xff;
            if (c == '\n') {
                String line = pending.toString();
                pending.setLength(0);
                reply.writeBytes(handle(line));
            } else {
                if (c == '\r') violations.add("Talon ends its lines with LF only, not CR LF");
                else if (c < 0x20 || c > 0x7e) violations.add(String.format("byte 0x%02x is not printable ASCII", c));
                pending.append((char) c);
            }
        }
        return reply.toByteArray();
    }

    private byte[] handle(String line) {
        lines.add(line);
        if (line.length() > TalonSerialProtocol.MAX_LINE) violations.add("longer than 64 characters: " + line);
        int sp = line.indexOf(' ');
        String verb = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? null : line.substring(sp + 1);
        if (deaf) return new byte[0]; // booting or hung: the bytes are lost
        switch (verb) {
            case "PING":
                if (arg != null) violations.add("PING takes nothing: " + line);
                pings++;
                return bytes("PONG");
            case "SHOW": {
                int bar = arg == null ? -1 : arg.indexOf('|');
                if (bar < 0 || arg.indexOf('|', bar + 1) >= 0) {
                    violations.add("SHOW takes <line1>|<line2>: " + line);
                    return bytes("ERR SHOW takes line1|line2");
                }
                String l1 = arg.substring(0, bar), l2 = arg.substring(bar + 1);
                if (l1.length() > 16 || l2.length() > 16) violations.add("a screen line longer than 16: " + line);
                line1 = l1;
                line2 = l2;
                return ok();
            }
            case "LED":
                if (arg == null || !LED_STATES.contains(arg)) {
                    violations.add("LED takes on, off or blink: " + line);
                    return bytes("ERR LED takes on|off|blink");
                }
                led = arg;
                return ok();
            case "ASK":
                if (arg == null || arg.isEmpty() || arg.length() > 16 || !arg.strip().equals(arg)) {
                    violations.add("ASK takes a ticket of 1 to 16 characters: " + line);
                    return bytes("ERR ASK takes a ticket");
                }
                asked = arg;
                return ok();
            case "IDLE":
                if (arg != null) violations.add("IDLE takes nothing: " + line);
                asked = null;
                return ok();
            default:
                violations.add("not a command of the protocol: " + line);
                return bytes("ERR unknown command");
        }
    }

    private byte[] ok() {
        return acknowledging ? bytes("OK") : new byte[0];
    }

    private static byte[] bytes(String line) {
        return (line + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    // ---- what the test makes the device do ------------------------------------------------

    /** The device (re)starts: its screen is blank, and it says HELLO (the bytes to send). */
    synchronized byte[] boot() {
        deaf = false;
        line1 = "";
        line2 = "";
        led = "off";
        asked = null;
        return bytes("HELLO " + kind + " emu-1.0");
    }

    /** Deaf: in its bootloader, hung, or unplugged on the far side of a USB-serial adapter. */
    synchronized void deaf(boolean deaf) {
        this.deaf = deaf;
    }

    /** Acknowledge each command with OK, as the example sketches do. */
    synchronized void acknowledging(boolean ack) {
        this.acknowledging = ack;
    }

    byte[] press(KeypadKey key) {
        return bytes("KEY " + key.name());
    }

    byte[] rate(int rating, int scale) {
        return bytes("RATE " + rating + "/" + scale);
    }

    // ---- what the device shows -------------------------------------------------------------

    synchronized String line1() {
        return line1;
    }

    synchronized String line2() {
        return line2;
    }

    synchronized String led() {
        return led;
    }

    /** The ticket a rating is asked for, or null when idle. */
    synchronized String asked() {
        return asked;
    }

    /** PINGs answered. */
    synchronized int pings() {
        return pings;
    }

    /** Every line Talon wrote, in order. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> violations() {
        List<String> v = new ArrayList<>(violations);
        if (pending.length() > 0) v.add("a line without its LF: " + pending);
        return v;
    }
}
