package org.talon.device.api;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text as plain printable ASCII (0x20..0x7E), for a device whose character set has no Cyrillic
 * and no Polish letters (an LED sign, a 7-segment display, a board's missing letters); a driver
 * uses it where its device has no code page for a text. Cyrillic is romanised (Russian, Ukrainian and Belarusian letters: {@code Ж}
 * becomes {@code ZH}, {@code Я} becomes {@code YA}, soft and hard signs are dropped); Polish and
 * other Latin letters lose their diacritics ({@code ł} becomes {@code l}, {@code ż} becomes
 * {@code z}); typographic dashes and quotes become their ASCII kin; control characters become a
 * space and whatever is left becomes {@code ?}. No control byte of the protocol can get through.
 */
public final class AsciiText {
    private AsciiText() {
    }

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"),
            // Ukrainian and Belarusian
            Map.entry('є', "ye"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('ґ', "g"), Map.entry('ў', "u"));

    private static final Map<Character, String> OTHER = Map.ofEntries(
            Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"),
            Map.entry('ø', "o"), Map.entry('Ø', "O"), Map.entry('đ', "d"), Map.entry('Đ', "D"), Map.entry('œ', "oe"),
            Map.entry('Œ', "OE"), Map.entry('–', "-"), Map.entry('—', "-"), Map.entry('‐', "-"), Map.entry('−', "-"),
            Map.entry('«', "\""), Map.entry('»', "\""), Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('„', "\""),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('№', "No"), Map.entry('…', "..."), Map.entry('\u00a0', " "),
            Map.entry('→', "->"));

    /** The text in printable ASCII, as described above. */
    public static String of(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            out.append(of(c, next));
        }
        return out.toString();
    }

    /** One character; {@code next} decides between {@code Zh} (in a word) and {@code ZH} (in capitals). */
    public static String of(char c, char next) {
        if (c >= 0x20 && c < 0x7F) return String.valueOf(c);
        if (c < 0x20 || c == 0x7F) return " ";
        String cyr = CYRILLIC.get(Character.toLowerCase(c));
        if (cyr != null) {
            if (!Character.isUpperCase(c) || cyr.isEmpty()) return cyr;
            if (cyr.length() == 1 || !Character.isLowerCase(next)) return cyr.toUpperCase(java.util.Locale.ROOT);
            return Character.toUpperCase(cyr.charAt(0)) + cyr.substring(1);
        }
        String other = OTHER.get(c);
        if (other != null) return other;
        // Latin letters with diacritics (Polish ą ć ę ń ó ś ź ż and the like) decompose into a base letter and marks
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (base.length() == 1 && base.charAt(0) >= 0x20 && base.charAt(0) < 0x7F) return base;
        return "?";
    }
}
