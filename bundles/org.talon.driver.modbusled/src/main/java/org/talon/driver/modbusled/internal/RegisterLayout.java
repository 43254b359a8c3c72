package org.talon.driver.modbusled.internal;

import org.talon.device.api.AsciiText;

import java.util.Locale;
import org.talon.device.api.DisplayContent;

/**
 * How a display's holding registers hold what it shows: the newest call's ticket number,
 * right-aligned in {@code digits} places (a number longer than that keeps its last places).
 * Displays differ by vendor, hence three layouts:
 * <ul>
 * <li>{@code ascii}: one register a place, holding the character's ASCII code (0x41 for {@code A},
 *     0x20 for a blank), as the DM36/DM56 RS-485 displays take it;</li>
 * <li>{@code digits} (also {@code bcd}): one register a place, holding the digit's value 0..9; a
 *     place that is not a digit (a letter, a blank) gets {@code blank}, 0x0F by default, which
 *     BCD-to-7-segment decoders and the MAX7219's Code B font show dark;</li>
 * <li>{@code number}: one register holding the ticket's digits as a binary number (its last
 *     {@code digits} digits, at most four), which meter-style displays show in decimal; letters are
 *     dropped and nothing to show is 0.</li>
 * </ul>
 */
final class RegisterLayout {
    enum Format {
        ASCII, DIGITS, NUMBER
    }

    private final Format format;
    private final int digits;
    private final int blank;

    private RegisterLayout(Format format, int digits, int blank) {
        this.format = format;
        this.digits = digits;
        this.blank = blank;
    }

    /** @throws IllegalArgumentException saying which value is wrong */
    static RegisterLayout of(String format, int digits, int blank) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        Format ft = switch (f) {
            case "ascii" -> Format.ASCII;
            case "digits", "bcd" -> Format.DIGITS;
            case "number" -> Format.NUMBER;
            default -> throw new IllegalArgumentException("format must be ascii, digits (or bcd) or number, not '" + format + "'");
        };
        if (digits < 1 || digits > 16) throw new IllegalArgumentException("digits must be 1 to 16, not " + digits);
        if (blank < 0 || blank > 0xFFFF) throw new IllegalArgumentException("blank must be 0 to 65535, not " + blank);
        return new RegisterLayout(ft, digits, blank);
    }

    Format format() {
        return format;
    }

    /** How many registers it writes. */
    int registers() {
        return format == Format.NUMBER ? 1 : digits;
    }

    /** The register values that show {@code content}. */
    int[] values(DisplayContent content) {
        String text = shown(content);
        if (format == Format.NUMBER) {
            String ds = text.replaceAll("[^0-9]", "");
            int keep = Math.min(digits, 4);
            if (ds.length() > keep) ds = ds.substring(ds.length() - keep);
            return new int[] {ds.isEmpty() ? 0 : Integer.parseInt(ds)};
        }
        String placed = place(text);
        int[] v = new int[digits];
        for (int i = 0; i < digits; i++) {
            char c = placed.charAt(i);
            v[i] = format == Format.ASCII ? c : c >= '0' && c <= '9' ? c - '0' : blank;
        }
        return v;
    }

    /** The text it shows: the newest call's number in printable ASCII, or nothing. */
    static String shown(DisplayContent content) {
        if (content == null || content.calls().isEmpty()) return "";
        return AsciiText.of(content.calls().get(0).number()).strip();
    }

    /** {@code text} right-aligned in {@code digits} places. */
    private String place(String text) {
        if (text.length() >= digits) return text.substring(text.length() - digits);
        return " ".repeat(digits - text.length()) + text;
    }
}
