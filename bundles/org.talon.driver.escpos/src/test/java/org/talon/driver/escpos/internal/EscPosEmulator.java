package org.talon.driver.escpos.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An ESC/POS printer at the far end of a test connection. It parses what it receives as Epson's ESC/POS
 * Command Reference defines the commands the driver uses (ESC @, ESC a, ESC E, ESC t, GS !, GS ( k for QR
 * codes, GS V, LF, DLE EOT n) and nothing else: an unknown command, a parameter out of range, or a command that
 * is only valid at the beginning of a line sent in the middle of one is recorded in {@link #errors()}. It keeps
 * the printed paper as text lines (decoded with the code table selected by ESC t), the QR codes printed and the
 * cuts, and answers DLE EOT from its sensors. While offline (no paper, cover open) it prints nothing, as a
 * printer stopped at a paper end does.
 *
 * <p>{@link #accept} takes the bytes as the driver wrote them, in any pieces, and returns the answer bytes, so it
 * plugs into {@code TestConnection.answer(emulator::accept)} and, later, into a pseudo-terminal.
 */
final class EscPosEmulator {
    /** A printed line: its text and how it was printed. */
    record Line(String text, boolean bold, int width, int height, int justification, int table) {
    }

    /** Epson's table numbers (ESC t) of the code tables the emulator knows, and their JDK charsets. */
    static final Map<Integer, String> EPSON_TABLES = Map.of(0, "IBM437", 2, "IBM850", 16, "windows-1252", 17, "IBM866", 18, "IBM852");

    private final Map<Integer, String> tables;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> paper = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<String> qrCodes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int statusQueries;
    private int dropped;

    // print modes (reset by ESC @)
    private boolean bold;
    private int width = 1;
    private int height = 1;
    private int justification;
    private int table;
    private int qrModel = 50;
    private int qrModuleSize = 3;
    private int qrErrorCorrection = 48;
    private byte[] qrData;

    // sensors, set by the test
    private boolean paperEnd;
    private boolean nearEnd;
    private boolean coverOpen;
    private boolean cutterError;
    private boolean silent;
    private int linesUntilPaperEnd = -1;

    EscPosEmulator() {
        this(EPSON_TABLES);
    }

    /** A printer whose ESC t numbers are {@code tables} (a clone's, e.g. 7 for PC866). */
    EscPosEmulator(Map<Integer, String> tables) {
        this.tables = tables;
    }

    /** Takes bytes as written and returns the printer's answer (empty when none). */
    synchronized byte[] accept(byte[] written) {
        pending.writeBytes(written);
        byte[] in = pending.toByteArray();
        pending.reset();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int used = command(in, i, reply);
            if (used == 0) { // incomplete: wait for the rest
                pending.write(in, i, in.length - i);
                break;
            }
            i += used;
        }
        return reply.toByteArray();
    }

    /** Parses the command at {@code at}; returns its length, or 0 when it is not all there yet. */
    private int command(byte[] in, int at, ByteArrayOutputStream reply) {
        int b = in[at] & 0xFF;
        int left = in.length - at;
        switch (b) {
            case 0x0A -> {
                lineFeed();
                return 1;
            }
            case 0x10 -> {
                if (left < 3) return 0;
                if (in[at + 1] != 0x04) return error(at, "DLE " + hex(in[at + 1]) + " is not DLE EOT", 2);
                int n = in[at + 2] & 0xFF;
                if (n < 1 || n > 4) return error(at, "DLE EOT " + n + " is out of range 1-4", 3);
                statusQueries++;
                if (!silent) reply.write(status(n));
                return 3;
            }
            case 0x1B -> {
                if (left < 2) return 0;
                int c = in[at + 1] & 0xFF;
                if (c == '@') {
                    initialize();
                    return 2;
                }
                if (left < 3) return 0;
                int n = in[at + 2] & 0xFF;
                switch (c) {
                    case 'a' -> {
                        if (line.size() > 0) error(at, "ESC a in the middle of a line", 0);
                        if (n > 2 && (n < 48 || n > 50)) return error(at, "ESC a " + n + " is out of range", 3);
                        justification = n % 48;
                    }
                    case 'E' -> bold = (n & 1) != 0;
                    case 't' -> {
                        if (!tables.containsKey(n)) return error(at, "ESC t " + n + " is a table this printer does not have", 3);
                        table = n;
                    }
                    default -> {
                        return error(at, "unknown command ESC " + hex(in[at + 1]), 2);
                    }
                }
                return 3;
            }
            case 0x1D -> {
                if (left < 2) return 0;
                int c = in[at + 1] & 0xFF;
                if (c == '!') {
                    if (left < 3) return 0;
                    int n = in[at + 2] & 0xFF;
                    if ((n >> 4) > 7 || (n & 0x0F) > 7) return error(at, "GS ! " + hex(in[at + 2]) + " is more than 8 times", 3);
                    width = (n >> 4) + 1;
                    height = (n & 0x0F) + 1;
                    return 3;
                }
                if (c == 'V') {
                    if (left < 3) return 0;
                    int m = in[at + 2] & 0xFF;
                    int len;
                    String kind;
                    if (m == 0 || m == 48) {
                        kind = "full cut";
                        len = 3;
                    } else if (m == 1 || m == 49) {
                        kind = "partial cut";
                        len = 3;
                    } else if (m == 65 || m == 66) {
                        if (left < 4) return 0;
                        kind = (m == 65 ? "full cut" : "partial cut") + " after feeding to the cutter";
                        len = 4;
                    } else {
                        return error(at, "GS V " + m + " is out of range", 3);
                    }
                    if (line.size() > 0) error(at, "GS V in the middle of a line", 0);
                    if (online()) paper.add("[" + kind + "]");
                    else dropped++;
                    return len;
                }
                if (c == '(') {
                    if (left < 5) return 0;
                    if (in[at + 2] != 'k') return error(at, "unknown command GS ( " + hex(in[at + 2]), 3);
                    int len = (in[at + 3] & 0xFF) + (in[at + 4] & 0xFF) * 256;
                    if (left < 5 + len) return 0;
                    qrFunction(Arrays.copyOfRange(in, at + 5, at + 5 + len), at);
                    return 5 + len;
                }
                return error(at, "unknown command GS " + hex(in[at + 1]), 2);
            }
            default -> {
                if (b < 0x20) return error(at, "unexpected control byte " + hex(in[at]), 1);
                line.write(b);
                return 1;
            }
        }
    }

    /** GS ( k with cn = 49: the QR code functions 165, 167, 169, 180, 181. */
    private void qrFunction(byte[] p, int at) {
        if (p.length < 2 || (p[0] & 0xFF) != 49) {
            error(at, "GS ( k for a symbol other than QR (cn = " + (p.length > 0 ? p[0] & 0xFF : -1) + ")", 0);
            return;
        }
        int fn = p[1] & 0xFF;
        switch (fn) {
            case 65 -> {
                if (p.length != 4 || (p[2] != 49 && p[2] != 50) || p[3] != 0) error(at, "QR model: bad parameters", 0);
                else qrModel = p[2];
            }
            case 67 -> {
                if (p.length != 3 || p[2] < 1 || p[2] > 16) error(at, "QR module size: bad parameters", 0);
                else qrModuleSize = p[2];
            }
            case 69 -> {
                if (p.length != 3 || p[2] < 48 || p[2] > 51) error(at, "QR error correction: bad parameters", 0);
                else qrErrorCorrection = p[2];
            }
            case 80 -> {
                if (p.length < 4 || p[2] != 48) error(at, "QR store: bad parameters", 0);
                else qrData = Arrays.copyOfRange(p, 3, p.length);
            }
            case 81 -> {
                if (p.length != 3 || p[2] != 48) error(at, "QR print: bad parameters", 0);
                else if (qrData == null) error(at, "QR print with no data stored", 0);
                else if (line.size() > 0) error(at, "QR print in the middle of a line", 0);
                else if (!online()) dropped++;
                else {
                    String data = new String(qrData, java.nio.charset.StandardCharsets.UTF_8);
                    qrCodes.add(data);
                    paper.add("[QR " + data + "]");
                }
            }
            default -> error(at, "QR function " + fn + " is not one the driver should send", 0);
        }
    }

    private void lineFeed() {
        if (!online()) {
            dropped++;
            line.reset();
            return;
        }
        String text = new String(line.toByteArray(), Charset.forName(tables.get(table)));
        line.reset();
        paper.add(text);
        lines.add(new Line(text, bold, width, height, justification, table));
        if (linesUntilPaperEnd > 0 && --linesUntilPaperEnd == 0) paperEnd = true;
    }

    private void initialize() {
        bold = false;
        width = 1;
        height = 1;
        justification = 0;
        table = 0;
        qrModel = 50;
        qrModuleSize = 3;
        qrErrorCorrection = 48;
        qrData = null;
        line.reset();
    }

    private boolean online() {
        return !paperEnd && !coverOpen && !cutterError;
    }

    /** The answer to DLE EOT n: the fixed bits 0xx1xx10 and the sensors' bits. */
    private int status(int n) {
        int s = 0x12;
        switch (n) {
            case 1 -> s |= online() ? 0 : 0x08;
            case 2 -> s |= (coverOpen ? 0x04 : 0) | (paperEnd ? 0x20 : 0) | (cutterError ? 0x40 : 0);
            case 3 -> s |= cutterError ? 0x08 : 0;
            case 4 -> s |= (paperEnd || nearEnd ? 0x0C : 0) | (paperEnd ? 0x60 : 0);
            default -> throw new IllegalArgumentException("DLE EOT " + n);
        }
        return s;
    }

    private int error(int at, String message, int used) {
        errors.add(message + " (at byte " + at + " of a write)");
        return used;
    }

    private static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }

    // --- the test's side ---

    synchronized EscPosEmulator paperEnd(boolean on) {
        paperEnd = on;
        return this;
    }

    synchronized EscPosEmulator nearEnd(boolean on) {
        nearEnd = on;
        return this;
    }

    synchronized EscPosEmulator coverOpen(boolean on) {
        coverOpen = on;
        return this;
    }

    synchronized EscPosEmulator cutterError(boolean on) {
        cutterError = on;
        return this;
    }

    /** Answers no status query from now on (a printer switched off behind a network interface that stays up). */
    synchronized EscPosEmulator silent(boolean on) {
        silent = on;
        return this;
    }

    /** The paper ends after this many more lines are printed. */
    synchronized EscPosEmulator paperEndsAfter(int lines) {
        linesUntilPaperEnd = lines;
        return this;
    }

    /** The paper: text lines, {@code [QR data]} for each QR code and {@code [partial cut]} etc. for each cut. */
    synchronized List<String> paper() {
        return List.copyOf(paper);
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> qrCodes() {
        return List.copyOf(qrCodes);
    }

    synchronized int qrModuleSize() {
        return qrModuleSize;
    }

    synchronized int qrErrorCorrection() {
        return qrErrorCorrection;
    }

    synchronized int qrModel() {
        return qrModel;
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized int statusQueries() {
        return statusQueries;
    }

    /** Lines, QR codes and cuts received while offline, not printed. */
    synchronized int dropped() {
        return dropped;
    }
}
