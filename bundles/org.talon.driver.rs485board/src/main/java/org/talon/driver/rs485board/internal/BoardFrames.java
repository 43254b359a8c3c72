package org.talon.driver.rs485board.internal;

import org.talon.device.api.AsciiText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import org.talon.device.api.DisplayContent;

/**
 * The frame an addressed RS-485 LED board of a QSystem installation takes: {@code 0x01}, the
 * board's address as one raw byte, the text in the board's code page, {@code 0x07}
 * ({@code QIndicatorBoardRS.sendMessage}). The Belgorod variant of those boards
 * ({@code BelIndicatorBoardRS}) has a blink byte after the address: 0 steady, 125 blinking.
 * Pure functions.
 */
final class BoardFrames {
    private BoardFrames() {
    }

    static final byte START = 0x01;
    static final byte END = 0x07;
    /** The Belgorod boards' blink byte: steady. */
    static final int STEADY = 0;
    /** The Belgorod boards' blink byte: blink (QSystem's {@code blinkAll}). */
    static final int BLINK = 125;

    /**
     * What a board is set to.
     *
     * @param address   1..255, sent as one byte
     * @param width     characters the board has
     * @param charset   its code page, single-byte and ASCII-compatible
     * @param counter   a counter board (its call's number, right-aligned), else a hall row
     * @param row       for a hall row, which call it shows (1: the newest)
     * @param blinkByte whether frames carry the Belgorod blink byte
     */
    record Settings(int address, int width, Charset charset, boolean counter, int row, boolean blinkByte) {
    }

    /** @throws IllegalArgumentException saying which value is wrong */
    static Settings settings(int address, int width, String charset, boolean counter, int row, boolean blinkByte) {
        if (address < 1 || address > 255) throw new IllegalArgumentException("address must be 1 to 255, not " + address);
        if (width < 1 || width > 250) throw new IllegalArgumentException("width must be 1 to 250 characters, not " + width);
        if (row < 1) throw new IllegalArgumentException("row must be 1 (the newest call) or more, not " + row);
        return new Settings(address, width, charset(charset), counter, row, blinkByte);
    }

    /** The code page by name ({@code ascii} is US-ASCII); it must hold one character a byte and agree with ASCII. */
    static Charset charset(String name) {
        String n = name == null ? "" : name.strip();
        if (n.equalsIgnoreCase("ascii")) return StandardCharsets.US_ASCII;
        Charset cs;
        try {
            cs = Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("charset '" + name + "' is not known (e.g. cp1251, cp866, iso-8859-5, ascii)");
        }
        CharsetEncoder enc = cs.newEncoder();
        if (enc.maxBytesPerChar() != 1 || !"A0 z".equals(new String("A0 z".getBytes(cs), StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("charset " + cs.name() + " is not a one-byte code page that agrees with ASCII");
        }
        return cs;
    }

    /** The frame that makes the board show {@code content}. */
    static byte[] show(Settings s, DisplayContent content) {
        DisplayContent.Call call = shown(s, content);
        String text = call == null ? "" : s.counter() ? rightAligned(board(call.number(), s.charset()), s.width())
                : row(board(call.number(), s.charset()), board(call.counterLabel(), s.charset()), s.width());
        boolean blink = call != null && content.alert() != null && content.alert().number().equals(call.number())
                && content.alert().counter().equals(call.counter());
        return frame(s, fit(text, s.width()), blink);
    }

    /** The call the board shows: a counter board its counter's (the only one it is sent), a hall row the {@code row}-th newest. */
    static DisplayContent.Call shown(Settings s, DisplayContent content) {
        List<DisplayContent.Call> calls = content == null ? List.of() : content.calls();
        int i = s.counter() ? 0 : s.row() - 1;
        return i < calls.size() ? calls.get(i) : null;
    }

    /** {@code 0x01, address, [blink,] text, 0x07}; {@code text} holds only characters of the board's code page. */
    static byte[] frame(Settings s, String text, boolean blink) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(START);
        f.write(s.address());
        if (s.blinkByte()) f.write(blink ? BLINK : STEADY);
        f.writeBytes(text.getBytes(s.charset()));
        f.write(END);
        return f.toByteArray();
    }

    /**
     * {@code text} as the board can show it: each character its code page holds stays, any other
     * (and every control character, so that no 0x01 or 0x07 gets into the text) is transliterated
     * to ASCII.
     */
    static String board(String text, Charset cs) {
        if (text == null) return "";
        CharsetEncoder enc = cs.newEncoder();
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (c >= 0x20 && c != 0x7F && !Character.isISOControl(c) && !Character.isSurrogate(c) && enc.canEncode(c)) b.append(c);
            else b.append(AsciiText.of(c, next));
        }
        return b.toString();
    }

    /** A hall row: the number at the left, the counter label at the right, or {@code number label} cut to the width. */
    static String row(String number, String label, int width) {
        int gap = width - number.length() - label.length();
        if (gap >= 1) return number + " ".repeat(gap) + label;
        return fit(number + " " + label, width);
    }

    static String rightAligned(String text, int width) {
        if (text.length() >= width) return text.substring(text.length() - width);
        return " ".repeat(width - text.length()) + text;
    }

    /** Exactly {@code width} characters: padded with spaces, or cut. */
    static String fit(String text, int width) {
        if (text.length() >= width) return text.substring(0, width);
        return text + " ".repeat(width - text.length());
    }
}
