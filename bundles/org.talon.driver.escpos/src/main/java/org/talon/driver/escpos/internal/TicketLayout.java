package org.talon.driver.escpos.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.talon.device.api.PrintedTicket;

/**
 * A {@link PrintedTicket} as the ESC/POS bytes of one ticket, centred: the branch's name in bold, the service, the
 * heading, the number as large as fits (at most 4 × 4), the wait and the time of issue, the QR code of the
 * ticket's page (the printer's own QR encoder) with its caption, then the feed and the cut. A field that is not set
 * (or blank) is left out with its line. Texts are wrapped at word boundaries to the line's width and each line is
 * encoded in its own code table ({@link CodeTables}), switched with ESC t only when it changes.
 */
final class TicketLayout {
    /** The largest magnification of the number (GS ! takes up to 8; 4 × 4 is 48 dots wide, 96 high per character). */
    static final int MAX_NUMBER_SIZE = 4;
    /**
     * The longest QR data printed (bytes); a longer URL is left out with its caption. Far below the command's limit
     * (7089), so that the length bytes (pL pH) can never read as DLE EOT (0x10 0x04, a length of 1037), and well above
     * what fits the paper's width anyway.
     */
    static final int MAX_QR_DATA = 1000;

    private final Model model;
    private final Cut cut;
    private final int feedLines;
    private final int qrSize;
    private final int columns;
    private final CodeTables tables;

    TicketLayout(Model model, Cut cut, int feedLines, int qrSize, int columns, CodeTables tables) {
        if (feedLines < 0 || feedLines > 20) throw new IllegalArgumentException("feedLines " + feedLines + " is not 0-20");
        if (qrSize < 1 || qrSize > 16) throw new IllegalArgumentException("qrSize " + qrSize + " is not 1-16");
        if (columns < 0 || columns > 80) throw new IllegalArgumentException("columns " + columns + " is not 0-80");
        this.model = model;
        this.cut = cut;
        this.feedLines = feedLines;
        this.qrSize = qrSize;
        this.columns = columns == 0 ? model.columns : columns;
        this.tables = tables;
    }

    int columns() {
        return columns;
    }

    byte[] bytes(PrintedTicket t) {
        Lines w = new Lines();
        w.raw(EscPos.initialize());
        w.raw(EscPos.justify(1));
        boolean top = false;
        if (present(t.branchName())) {
            w.raw(EscPos.bold(true));
            w.text(t.branchName(), columns);
            w.raw(EscPos.bold(false));
            top = true;
        }
        if (present(t.serviceName())) {
            w.text(t.serviceName(), columns);
            top = true;
        }
        if (top) w.raw(EscPos.LF);
        if (present(t.heading())) w.text(t.heading(), columns);
        int n = numberSize(t.number());
        w.raw(EscPos.size(n, n));
        w.text(t.number(), columns / n);
        w.raw(EscPos.size(1, 1));
        if (present(t.waitText())) w.text(t.waitText(), columns);
        if (present(t.issuedText())) w.text(t.issuedText(), columns);
        byte[] qr = qrData(t.url());
        if (qr != null) {
            w.raw(EscPos.LF);
            w.raw(EscPos.qrCode(qr, qrSize, EscPos.QR_ERROR_CORRECTION_M));
            if (present(t.urlCaption())) w.text(t.urlCaption(), columns);
        }
        w.raw(cut.bytes(model, feedLines));
        return w.bytes.toArray();
    }

    /** The magnification of the number: as large as fits the line, at most {@link #MAX_NUMBER_SIZE}. */
    int numberSize(String number) {
        String s = CodeTables.clean(number).strip();
        int len = Math.max(1, s.codePointCount(0, s.length()));
        return Math.max(1, Math.min(MAX_NUMBER_SIZE, columns / len));
    }

    /** The URL as QR data (UTF-8, no control characters), or {@code null} when there is none or it is too long. */
    static byte[] qrData(String url) {
        if (!present(url)) return null;
        byte[] data = CodeTables.clean(url).strip().getBytes(StandardCharsets.UTF_8);
        return data.length > MAX_QR_DATA ? null : data;
    }

    private static boolean present(String s) {
        return s != null && !CodeTables.clean(s).isBlank();
    }

    /** The text in lines of at most {@code width} characters, broken between words (a longer word is cut). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : CodeTables.clean(text).strip().split(" +")) {
            while (word.codePointCount(0, word.length()) > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (word.isEmpty()) continue;
            int len = line.codePointCount(0, line.length());
            if (len > 0 && len + 1 + word.codePointCount(0, word.length()) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** The ticket's bytes so far and the script whose code table was selected last ({@code null}: unknown, after ESC @). */
    private final class Lines {
        final EscPos.Bytes bytes = new EscPos.Bytes();
        CodeTables.Script selected;

        void raw(byte[] b) {
            bytes.add(b);
        }

        void raw(byte b) {
            bytes.add(b & 0xFF);
        }

        void text(String text, int width) {
            for (String line : wrap(text, Math.max(1, width))) {
                CodeTables.Encoded e = tables.encode(line, selected);
                if (e.script() != null && e.script() != selected) {
                    raw(EscPos.codeTable(e.table()));
                    selected = e.script();
                }
                raw(e.bytes());
                raw(EscPos.LF);
            }
        }
    }
}
