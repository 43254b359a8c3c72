package org.talon.device.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Golden byte files, as a driver's tests keep them in {@code src/test/resources}: hex bytes
 * ({@code 1B 40}), {@code "quoted ASCII"} for readable text (the bytes between the quotes, no
 * escapes), and {@code #} comments to the end of the line.
 */
public final class GoldenBytes {
    private GoldenBytes() {
    }

    /** The bytes of a resource, found as {@code anchor.getResourceAsStream(name)} finds it (a name starting with / from the root). */
    public static byte[] read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new AssertionError("no test resource " + name + " next to " + anchor.getName());
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : text.split("\n", -1)) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '#') break;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    int end = line.indexOf('"', i + 1);
                    if (end < 0) throw new IllegalArgumentException("unclosed quote: " + line);
                    for (char q : line.substring(i + 1, end).toCharArray()) {
                        if (q < 0x20 || q > 0x7E) throw new IllegalArgumentException("not ASCII in quotes: " + line);
                        out.write(q);
                    }
                    i = end + 1;
                } else {
                    if (i + 2 > line.length()) throw new IllegalArgumentException("half a byte: " + line);
                    out.write(Integer.parseInt(line.substring(i, i + 2), 16));
                    i += 2;
                    if (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '#') {
                        throw new IllegalArgumentException("bytes run together: " + line);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** The bytes as {@code 1B 40 ...}, 16 a line, for failure messages. */
    public static String format(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            b.append(String.format("%02X", bytes[i] & 0xFF)).append(i % 16 == 15 ? '\n' : ' ');
        }
        return b.toString().strip();
    }

    /** The bytes as text with control characters escaped ({@code \n}, {@code \x1b}), for failure messages of text protocols. */
    public static String show(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c == '\n') s.append("\\n");
            else if (c == '\r') s.append("\\r");
            else if (c < 0x20 || c > 0x7e) s.append(String.format("\\x%02x", c));
            else s.append((char) c);
        }
        return s.toString();
    }

    /** The parts one after another. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
