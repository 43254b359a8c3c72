package org.talon.driver.talonserial.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.talon.device.api.KeypadKey;

/**
 * The Talon serial protocol (README.md, "Protocol"): printable ASCII lines of at most
 * {@link #MAX_LINE} characters ended by LF (a device may end them CR LF), fields separated by one
 * space. Pure functions: what Talon writes, and what a line from the device says.
 */
final class TalonSerialProtocol {
    private TalonSerialProtocol() {
    }

    /** The longest line either side sends, without its LF (and CR): one Arduino Uno receive buffer. */
    static final int MAX_LINE = 64;
    /** Characters per line of the device's screen (a 16x2 LCD). */
    static final int SCREEN_WIDTH = 16;
    /** The protocol's serial speed, used when a {@code serial:} port names none. */
    static final int BAUD = 115200;
    /** The device kinds of {@code HELLO}. */
    static final String KEYPAD = "keypad", FEEDBACK = "feedback", COMBO = "combo";

    /** The states of {@code LED}. */
    enum Led {
        ON, OFF, BLINK;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // ---- Talon -> device ------------------------------------------------------------------

    static byte[] ping() {
        return line("PING");
    }

    /** {@code SHOW <line1>|<line2>}: each line transliterated to ASCII and cut to 16 characters. */
    static byte[] show(String line1, String line2) {
        return line("SHOW " + LcdText.line(line1, SCREEN_WIDTH) + "|" + LcdText.line(line2, SCREEN_WIDTH));
    }

    static byte[] led(Led state) {
        return line("LED " + state.wire());
    }

    /** {@code ASK <ticket>}, or {@code IDLE} when there is no ticket (null or nothing to show). */
    static byte[] ask(String ticket) {
        String t = LcdText.line(ticket, SCREEN_WIDTH).strip();
        return t.isEmpty() ? idle() : line("ASK " + t);
    }

    static byte[] idle() {
        return line("IDLE");
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code port} with the protocol's speed added when it is a serial port that names none. */
    static String withDefaultBaud(String port) {
        if (port == null || !port.startsWith("serial:")) return port;
        int q = port.indexOf('?');
        if (q >= 0 && ("&" + port.substring(q + 1)).contains("&baud=")) return port;
        return port + (q < 0 ? "?" : "&") + "baud=" + BAUD;
    }

    // ---- device -> Talon ------------------------------------------------------------------

    /** What one line from the device says. */
    sealed interface DeviceLine {
    }

    /** {@code HELLO <kind> <firmware>}: the device (re)started. */
    record Hello(String kind, String firmware) implements DeviceLine {
    }

    /** {@code KEY <name>}. */
    record Key(KeypadKey key) implements DeviceLine {
    }

    /** {@code RATE <rating>/<scale>} (not yet checked against the configured scale). */
    record Rate(int rating, int scale) implements DeviceLine {
    }

    /** {@code PONG}: the answer to {@code PING}. */
    record Pong() implements DeviceLine {
    }

    /** {@code OK}: a command was taken (optional; Talon never waits for it). */
    record Ok() implements DeviceLine {
    }

    /** {@code ERR <text>}: the device could not do what it was told. */
    record Err(String text) implements DeviceLine {
    }

    /** A line that is not the protocol; it is ignored. */
    record Malformed(String line, String why) implements DeviceLine {
    }

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,15}");
    private static final Pattern RATE = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})");

    /** Parses one line, without its LF and CR. */
    static DeviceLine parse(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) return new Malformed(line, "not printable ASCII");
        }
        if (line.length() > MAX_LINE) return new Malformed(line, "longer than " + MAX_LINE + " characters");
        String[] f = line.split(" ", -1);
        for (String field : f) {
            if (field.isEmpty() && !f[0].equals("ERR")) return new Malformed(line, "not one space between fields");
        }
        switch (f[0]) {
            case "PONG":
                return f.length == 1 ? new Pong() : new Malformed(line, "PONG takes nothing");
            case "OK":
                return f.length == 1 ? new Ok() : new Malformed(line, "OK takes nothing");
            case "ERR":
                return new Err(line.length() > 4 ? line.substring(4) : "");
            case "HELLO":
                if (f.length < 3) return new Malformed(line, "HELLO takes a kind and a firmware version");
                if (!KIND.matcher(f[1]).matches()) return new Malformed(line, "not a device kind: " + f[1]);
                return new Hello(f[1], f[2]);
            case "KEY":
                if (f.length != 2) return new Malformed(line, "KEY takes one key name");
                KeypadKey key = key(f[1]);
                return key == null ? new Malformed(line, "not a key: " + f[1]) : new Key(key);
            case "RATE":
                Matcher m = f.length == 2 ? RATE.matcher(f[1]) : null;
                if (m == null || !m.matches()) return new Malformed(line, "RATE takes <rating>/<scale>");
                return new Rate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            default:
                return new Malformed(line, "not a message of the protocol");
        }
    }

    private static KeypadKey key(String name) {
        for (KeypadKey k : KeypadKey.values()) {
            if (k.name().equals(name)) return k;
        }
        return null;
    }
}
