package org.talon.driver.alphasign.internal;

import org.talon.device.api.AsciiText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.talon.device.api.DisplayContent;

/**
 * The Alpha Sign Communications Protocol's standard transmission packet ("1-byte" or "^A" format,
 * section 5.1 of pn 9708-8061) carrying one Write TEXT file command:
 *
 * <pre>
 * NUL x5, SOH, type code, address (2 chars), STX, 'A', file label,
 *     ESC, display position, mode code, message, ETX, checksum (4 hex chars), EOT
 * </pre>
 *
 * The checksum is the 16-bit sum of every byte from STX through ETX inclusive, sent as four
 * upper-case ASCII hex digits; without a checksum the ETX is left out too, as the protocol allows
 * for a single command. Pure functions; the sign's settings are a {@link Settings}.
 */
final class AlphaFrames {
    private AlphaFrames() {
    }

    static final byte NUL = 0x00;
    static final byte SOH = 0x01;
    static final byte STX = 0x02;
    static final byte ETX = 0x03;
    static final byte EOT = 0x04;
    static final byte ESC = 0x1B;
    /** Command code: write TEXT file. */
    static final byte WRITE_TEXT = 'A';
    /** Control code inside a message: the rest goes on the next line. */
    static final byte NEW_LINE = 0x0D;
    /** Control code inside a message: flash character on ({@code '1'}) or off ({@code '0'}). */
    static final byte FLASH = 0x07;
    /** Five NULs let the sign find the baud rate (it may need at least five). */
    static final int SYNC_NULS = 5;
    /** Between a ticket and its counter on one line. */
    static final String ARROW = " -> ";

    /** Display positions (the byte after ESC). */
    enum Position {
        MIDDLE(0x20), TOP(0x22), BOTTOM(0x26), FILL(0x30);

        final byte code;

        Position(int code) {
            this.code = (byte) code;
        }
    }

    /** Display modes (the mode code after the position); the names are the configuration's values. */
    enum Mode {
        ROTATE('a'), HOLD('b'), FLASH('c'), ROLLUP('e'), ROLLDOWN('f'), ROLLLEFT('g'), ROLLRIGHT('h'), WIPEUP('i'),
        WIPEDOWN('j'), WIPELEFT('k'), WIPERIGHT('l'), SCROLL('m'), AUTOMODE('o'), ROLLIN('p'), ROLLOUT('q'), WIPEIN('r'),
        WIPEOUT('s'), COMPRESSEDROTATE('t');

        final byte code;

        Mode(char code) {
            this.code = (byte) code;
        }
    }

    /**
     * What a sign is set to.
     *
     * @param typeCode   the type code ({@code Z}: every sign)
     * @param address    two upper-case hex digits ({@code 00}: every address)
     * @param fileLabel  the TEXT file written
     * @param position   where the text goes
     * @param mode       how it appears
     * @param lines      how many calls are shown, one a line
     * @param checksum   whether ETX and the checksum are sent
     * @param alertFlash whether the call just made flashes
     */
    record Settings(char typeCode, String address, char fileLabel, Position position, Mode mode, int lines, boolean checksum,
            boolean alertFlash) {
    }

    /**
     * The settings from configuration values.
     *
     * @throws IllegalArgumentException saying which value is wrong and what it may be
     */
    static Settings settings(String typeCode, String address, String fileLabel, String position, String mode, int lines,
            boolean checksum, boolean alertFlash) {
        String t = typeCode == null ? "" : typeCode.strip();
        if (t.length() != 1 || t.charAt(0) < 0x20 || t.charAt(0) > 0x7E) {
            throw new IllegalArgumentException("typeCode must be one printable character (Z: every sign), not '" + typeCode + "'");
        }
        String a = address == null ? "" : address.strip().toUpperCase(Locale.ROOT);
        if (!a.matches("[0-9A-F?]{2}")) {
            throw new IllegalArgumentException("address must be two hex digits, 00 to FF (00: every sign), not '" + address + "'");
        }
        String f = fileLabel == null ? "" : fileLabel.strip();
        if (f.length() != 1 || f.charAt(0) < 0x20 || f.charAt(0) > 0x75 || f.charAt(0) == '?') {
            throw new IllegalArgumentException("fileLabel must be one character from 0x20 to 0x75 (A by default, 0 the priority file), not '"
                    + fileLabel + "'");
        }
        if (lines < 1 || lines > 16) throw new IllegalArgumentException("lines must be 1 to 16, not " + lines);
        return new Settings(t.charAt(0), a, f.charAt(0), named(Position.class, position, "position"), named(Mode.class, mode, "mode"), lines,
                checksum, alertFlash);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String what) {
        String v = value == null ? "" : value.strip().replace("_", "").replace("-", "").toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) return e;
        }
        throw new IllegalArgumentException(what + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
    }

    /**
     * The packet that makes the sign show {@code content}: one call a line, newest first, as
     * {@code A001 -> 3} (number and counter label), as many as the sign has lines; the alert call
     * between flash on and flash off when {@link Settings#alertFlash}. Nothing to show: the TEXT
     * file written empty.
     */
    static byte[] show(Settings s, DisplayContent content) {
        List<DisplayContent.Call> calls = content.calls();
        if (calls.isEmpty()) return writeText(s, null);
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        int n = Math.min(s.lines(), calls.size());
        for (int i = 0; i < n; i++) {
            DisplayContent.Call c = calls.get(i);
            if (i > 0) m.write(NEW_LINE);
            boolean flash = s.alertFlash() && content.alert() != null && content.alert().number().equals(c.number())
                    && content.alert().counter().equals(c.counter());
            if (flash) {
                m.write(FLASH);
                m.write('1');
            }
            m.writeBytes(line(c));
            if (flash) {
                m.write(FLASH);
                m.write('0');
            }
        }
        return writeText(s, m.toByteArray());
    }

    /** One call's line, printable ASCII only. */
    static byte[] line(DisplayContent.Call c) {
        return AsciiText.of(c.number() + ARROW + c.counterLabel()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A Write TEXT file packet. {@code message} {@code null}: the file written with no data at all
     * (no ESC, position or mode), which empties it.
     */
    static byte[] writeText(Settings s, byte[] message) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        for (int i = 0; i < SYNC_NULS; i++) p.write(NUL);
        p.write(SOH);
        p.write(s.typeCode());
        p.writeBytes(s.address().getBytes(StandardCharsets.US_ASCII));
        int stx = p.size();
        p.write(STX);
        p.write(WRITE_TEXT);
        p.write(s.fileLabel());
        if (message != null) {
            p.write(ESC);
            p.write(s.position().code);
            p.write(s.mode().code);
            p.writeBytes(message);
        }
        if (s.checksum()) {
            p.write(ETX);
            byte[] sofar = p.toByteArray();
            p.writeBytes(checksum(sofar, stx, sofar.length).getBytes(StandardCharsets.US_ASCII));
        }
        p.write(EOT);
        return p.toByteArray();
    }

    /** The checksum of {@code bytes[from..to)} (STX through ETX): their 16-bit sum as four upper-case hex digits. */
    static String checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) sum += bytes[i] & 0xFF;
        return String.format(Locale.ROOT, "%04X", sum & 0xFFFF);
    }
}
