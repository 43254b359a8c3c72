package org.talon.notify.sms.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text goes into short messages: in the SMSC's default alphabet when every character is
 * one that alphabet (GSM 03.38) and ASCII write alike, else in UCS-2 (data coding 8, UTF-16BE),
 * as Cyrillic and Polish letters need. A text longer than one message is split into parts of at
 * most 153 (default alphabet) or 67 (UCS-2) characters, each with a concatenation header
 * (UDH: IEI 0x00, reference, total, part), never between the two halves of a surrogate pair.
 */
final class SmsText {
    /** The characters the default alphabet and ASCII share, besides letters and digits. */
    private static final String PLAIN = " !\"#%&'()*+,-./:;<=>?\n\r";

    static final int SINGLE_DEFAULT = 160;
    static final int PART_DEFAULT = 153;
    static final int SINGLE_UCS2 = 70;
    static final int PART_UCS2 = 67;

    /** One short message's bytes, with its UDH when {@code udh}. */
    record Part(byte[] bytes, boolean udh) {
    }

    private SmsText() {
    }

    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PLAIN.indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** The parts of a text; {@code ucs2} says which alphabet, {@code reference} numbers its parts (0-255). */
    static List<Part> parts(String text, boolean ucs2, int reference) {
        int single = ucs2 ? SINGLE_UCS2 : SINGLE_DEFAULT;
        int part = ucs2 ? PART_UCS2 : PART_DEFAULT;
        List<Part> out = new ArrayList<>();
        if (text.length() <= single) {
            out.add(new Part(encode(text, ucs2), false));
            return out;
        }
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + part);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            chunks.add(text.substring(i, end));
            i = end;
        }
        if (chunks.size() > 255) throw new IllegalArgumentException("a text of " + text.length() + " characters is too long for an SMS");
        for (int n = 0; n < chunks.size(); n++) {
            byte[] body = encode(chunks.get(n), ucs2);
            byte[] b = new byte[6 + body.length];
            b[0] = 0x05; // UDH length
            b[1] = 0x00; // concatenated short messages, 8-bit reference
            b[2] = 0x03;
            b[3] = (byte) reference;
            b[4] = (byte) chunks.size();
            b[5] = (byte) (n + 1);
            System.arraycopy(body, 0, b, 6, body.length);
            out.add(new Part(b, true));
        }
        return out;
    }

    private static byte[] encode(String text, boolean ucs2) {
        return text.getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }
}
