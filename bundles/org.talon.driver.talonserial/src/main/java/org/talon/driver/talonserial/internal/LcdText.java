package org.talon.driver.talonserial.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text as a home-built device shows it: printable ASCII only, because the wire carries ASCII and
 * the common 16x2 LCDs (HD44780 with character ROM A00) show little else.
 *
 * <p>Cyrillic is transliterated by the table of ICAO Doc 9303 part 3 (the one Russian,
 * Ukrainian and Belarusian passports use: {@code Щ -> SHCH}, {@code Ж -> ZH}, {@code Ь} dropped);
 * Latin letters with diacritics (Polish {@code ą ć ę ń ó ś ź ż}, and the others Unicode
 * decomposes) lose them, {@code ł -> l}, {@code ß -> ss}. A character with no ASCII form becomes
 * {@code ?}. On the LCD's ROM A00, {@code \} is a yen sign and {@code ~} an arrow, so they become
 * {@code /} and {@code -}; {@code |} separates the two lines of {@code SHOW} and becomes {@code /}.
 */
final class LcdText {
    private LcdText() {
    }

    /** ICAO Doc 9303 part 3, transliteration of Cyrillic (upper case; lower case follows). */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('А', "A"), Map.entry('Б', "B"), Map.entry('В', "V"), Map.entry('Г', "G"),
            Map.entry('Ґ', "G"), Map.entry('Д', "D"), Map.entry('Е', "E"), Map.entry('Ё', "E"),
            Map.entry('Є', "IE"), Map.entry('Ж', "ZH"), Map.entry('З', "Z"), Map.entry('И', "I"),
            Map.entry('І', "I"), Map.entry('Ї', "I"), Map.entry('Й', "I"), Map.entry('К', "K"),
            Map.entry('Л', "L"), Map.entry('М', "M"), Map.entry('Н', "N"), Map.entry('О', "O"),
            Map.entry('П', "P"), Map.entry('Р', "R"), Map.entry('С', "S"), Map.entry('Т', "T"),
            Map.entry('У', "U"), Map.entry('Ў', "U"), Map.entry('Ф', "F"), Map.entry('Х', "KH"),
            Map.entry('Ц', "TS"), Map.entry('Ч', "CH"), Map.entry('Ш', "SH"), Map.entry('Щ', "SHCH"),
            Map.entry('Ъ', "IE"), Map.entry('Ы', "Y"), Map.entry('Ь', ""), Map.entry('Э', "E"),
            Map.entry('Ю', "IU"), Map.entry('Я', "IA"));

    /** What Unicode does not decompose into a base letter and marks, and common punctuation. */
    private static final Map<Character, String> OTHER = Map.ofEntries(
            Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('đ', "d"), Map.entry('Đ', "D"),
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "o"),
            Map.entry('Ø', "O"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('þ', "th"),
            Map.entry('Þ', "TH"), Map.entry('ı', "i"), Map.entry('№', "No"),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('‚', "'"), Map.entry('“', "\""),
            Map.entry('”', "\""), Map.entry('„', "\""), Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('‐', "-"), Map.entry('‑', "-"), Map.entry('–', "-"), Map.entry('—', "-"),
            Map.entry('−', "-"), Map.entry('·', "-"), Map.entry('•', "-"), Map.entry('…', "..."),
            Map.entry('\u00a0', " "), Map.entry('\u202f', " "), Map.entry('\u2009', " "));

    /** {@code text} in printable ASCII (null: empty). */
    static String ascii(String text) {
        if (text == null || text.isEmpty()) return "";
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(' ');
            } else if (CYRILLIC.containsKey(Character.toUpperCase(c))) {
                out.append(cyrillic(s, i));
            } else if (OTHER.containsKey(c)) {
                out.append(OTHER.get(c));
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // a mark left without a base letter: nothing to show
            } else if (Character.isHighSurrogate(c)) {
                out.append('?');
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            } else {
                out.append(baseLetter(c));
            }
        }
        return out.toString();
    }

    /**
     * One line of a 16-character screen: {@link #ascii}, the characters the LCD shows otherwise
     * or the protocol reserves replaced, then cut to {@code width}.
     */
    static String line(String text, int width) {
        String a = ascii(text).replace('\\', '/').replace('~', '-').replace('|', '/');
        return a.length() <= width ? a : a.substring(0, width);
    }

    private static String cyrillic(String s, int i) {
        char c = s.charAt(i);
        boolean upper = Character.isUpperCase(c);
        String latin = CYRILLIC.get(Character.toUpperCase(c));
        if (!upper) return latin.toLowerCase(java.util.Locale.ROOT);
        if (latin.length() <= 1) return latin;
        // Щ in ЩУКА is SHCH, in Щука Shch: all capitals when the word around it is in capitals
        return upperContext(s, i) ? latin : latin.charAt(0) + latin.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean upperContext(String s, int i) {
        if (i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) return Character.isUpperCase(s.charAt(i + 1));
        return i > 0 && Character.isLetter(s.charAt(i - 1)) && Character.isUpperCase(s.charAt(i - 1));
    }

    private static String baseLetter(char c) {
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        for (int k = 0; k < d.length(); k++) {
            char b = d.charAt(k);
            if (b >= 0x20 && b <= 0x7e) base.append(b);
            else if (Character.getType(b) != Character.NON_SPACING_MARK) return "?";
        }
        return base.length() == 0 ? "?" : base.toString();
    }
}
