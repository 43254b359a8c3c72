package org.talon.driver.talonserial.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.DeviceLine;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Malformed;

/**
 * Cuts what the device sends into lines, as the bytes come (a line may arrive in pieces): LF ends
 * a line, a CR before it is dropped, an empty line is skipped. A line longer than
 * {@link TalonSerialProtocol#MAX_LINE} is dropped up to its LF and reported as malformed once, so
 * noise without line ends (a wrong baud rate, an ESP32's boot messages) costs no memory.
 */
final class LineReader {
    private final byte[] line = new byte[TalonSerialProtocol.MAX_LINE + 1]; // + the CR before the LF
    private int length;
    private boolean tooLong;

    /** The lines the bytes complete, parsed. */
    List<DeviceLine> feed(byte[] bytes) {
        List<DeviceLine> lines = new ArrayList<>();
        for (byte b : bytes) {
            if (b == '\n') {
                int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                if (tooLong || n > TalonSerialProtocol.MAX_LINE) {
                    lines.add(new Malformed(text(n) + "...", "longer than " + TalonSerialProtocol.MAX_LINE + " characters"));
                } else if (n > 0) {
                    lines.add(TalonSerialProtocol.parse(text(n)));
                }
                length = 0;
                tooLong = false;
            } else if (length < line.length) {
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        return lines;
    }

    /** Forgets a line begun (the connection broke). */
    void reset() {
        length = 0;
        tooLong = false;
    }

    private String text(int n) {
        // ISO-8859-1 keeps every byte one char, so parse sees (and refuses) the bytes above 0x7e
        return new String(line, 0, Math.min(n, TalonSerialProtocol.MAX_LINE), StandardCharsets.ISO_8859_1);
    }
}
