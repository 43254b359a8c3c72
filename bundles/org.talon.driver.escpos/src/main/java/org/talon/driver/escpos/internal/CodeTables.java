package org.talon.driver.escpos.internal;

import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a text into the bytes of one ESC/POS character code table (ESC t n), chosen per text: Cyrillic letters
 * take PC866 (Epson table 17), Polish letters PC852 (table 18), anything else non-ASCII PC437 (table 0); plain
 * ASCII needs no table (0x20-0x7E are the same in every table). A character the table lacks is transliterated
 * ({@code ł} to {@code l}, {@code «} to {@code "}, {@code Ж} to {@code Zh}), else printed as {@code ?}; a table
 * whose JDK charset (IBM437, IBM866, IBM852, module jdk.charsets) is missing is replaced by ASCII transliteration.
 * Control characters become spaces, so that a text can never carry a printer command.
 */
final class CodeTables {
    /** The table number of a text that is plain ASCII: any table prints it. */
    static final int ANY = -1;

    /** The scripts a ticket's texts come in, with the table numbers of Epson's ESC t and the JDK charset of each. */
    enum Script {
        LATIN("IBM437", 0), CYRILLIC("IBM866", 17), POLISH("IBM852", 18);

        final String charset;
        final int epsonTable;

        Script(String charset, int epsonTable) {
            this.charset = charset;
            this.epsonTable = epsonTable;
        }
    }

    /** A text as bytes of table {@code table} of {@code script} ({@link #ANY} and {@code null} for ASCII). */
    record Encoded(int table, Script script, byte[] bytes) {
    }

    private static final String POLISH_LETTERS = "ąćęłńśźżĄĆĘŁŃŚŹŻ";
    private static final Map<Character, String> SUBSTITUTES = substitutes();

    private final int latin;
    private final int cyrillic;
    private final int polish;
    private final Predicate<String> charsetAvailable;

    CodeTables(int latin, int cyrillic, int polish, Predicate<String> charsetAvailable) {
        this.latin = latin;
        this.cyrillic = cyrillic;
        this.polish = polish;
        this.charsetAvailable = charsetAvailable;
    }

    /** Epson's table numbers, overridden by a setting such as {@code cyrillic:7,polish:18,latin:0} (blank: none). */
    static CodeTables of(String override) {
        int[] t = {Script.LATIN.epsonTable, Script.CYRILLIC.epsonTable, Script.POLISH.epsonTable};
        if (override != null && !override.isBlank()) {
            for (String part : override.split("[,;]")) {
                if (part.isBlank()) continue;
                String[] kv = part.split("[:=]", 2);
                if (kv.length != 2) throw new IllegalArgumentException("codePages: \"" + part.trim() + "\" is not name:number");
                int n;
                try {
                    n = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("codePages: \"" + kv[1].trim() + "\" is not a number");
                }
                if (n < 0 || n > 255) throw new IllegalArgumentException("codePages: " + n + " is not a table number (0-255)");
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "latin" -> t[0] = n;
                    case "cyrillic" -> t[1] = n;
                    case "polish" -> t[2] = n;
                    default -> throw new IllegalArgumentException("codePages: \"" + kv[0].trim() + "\" is not latin, cyrillic or polish");
                }
            }
        }
        return new CodeTables(t[0], t[1], t[2], Charset::isSupported);
    }

    int table(Script s) {
        return switch (s) {
            case LATIN -> latin;
            case CYRILLIC -> cyrillic;
            case POLISH -> polish;
        };
    }

    /** Which script a text is printed in: Cyrillic if it has a Cyrillic letter, else Polish if a Polish one, else Latin. */
    static Script scriptOf(String text) {
        boolean polish = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) return Script.CYRILLIC;
            if (POLISH_LETTERS.indexOf(c) >= 0) polish = true;
        }
        return polish ? Script.POLISH : Script.LATIN;
    }

    /** The text with control characters and line breaks as spaces. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x00A0) b.append(' ');
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    Encoded encode(String text) {
        return encode(text, null);
    }

    /**
     * The text in the table of {@code selected} (the script whose table the printer has now, or {@code null}) when
     * that table has every character of it, so that a line such as "Twój numer" after a Polish one needs no switch;
     * else in the table of {@link #scriptOf its script}.
     */
    Encoded encode(String text, Script selected) {
        String s = clean(text);
        if (isAscii(s)) return new Encoded(ANY, null, s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Script script = selected != null && charsetAvailable.test(selected.charset)
                && Charset.forName(selected.charset).newEncoder().canEncode(s) ? selected : scriptOf(s);
        if (!charsetAvailable.test(script.charset)) return new Encoded(ANY, null, ascii(s));
        CharsetEncoder enc = Charset.forName(script.charset).newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp < 0x10000 && enc.canEncode((char) cp)) {
                put(enc, String.valueOf((char) cp), out);
            } else {
                for (char c : substitute(s, i).toCharArray()) put(enc, enc.canEncode(c) ? String.valueOf(c) : "?", out);
            }
            i += Character.charCount(cp);
        }
        return new Encoded(table(script), script, out.toByteArray());
    }

    /** The text in ASCII: each character transliterated, or {@code ?}. */
    static byte[] ascii(String text) {
        String s = clean(text);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= 0x20 && cp < 0x7F) b.append((char) cp);
            else for (char c : substitute(s, i).toCharArray()) b.append(c >= 0x20 && c < 0x7F ? c : '?');
            i += Character.charCount(cp);
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * What is printed for the character at {@code i} of {@code text} when its table lacks it: the transliteration
     * of ICAO Doc 9303 for Cyrillic (capitalised as the word is: ЖУК to ZHUK, Жук to Zhuk), the letter without its
     * accent for Latin ones, ASCII look-alikes for punctuation, else {@code ?}.
     */
    static String substitute(String text, int i) {
        int cp = text.codePointAt(i);
        if (cp >= 0x10000) return "?";
        char c = (char) cp;
        String lower = SUBSTITUTES.get(Character.toLowerCase(c));
        if (lower != null && Character.isUpperCase(c)) {
            if (lower.length() <= 1) return lower.toUpperCase(Locale.ROOT);
            boolean wordInCapitals = i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1))
                    || i > 0 && Character.isUpperCase(text.charAt(i - 1)) && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)));
            return wordInCapitals ? lower.toUpperCase(Locale.ROOT) : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
        String punct = SUBSTITUTES.get(c);
        if (punct != null) return punct;
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && base.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) return base;
        return "?";
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) return false;
        }
        return true;
    }

    private static void put(CharsetEncoder enc, String ch, ByteArrayOutputStream out) {
        try {
            java.nio.ByteBuffer bb = enc.encode(CharBuffer.wrap(ch));
            while (bb.hasRemaining()) out.write(bb.get());
        } catch (CharacterCodingException e) {
            out.write('?');
        }
    }

    private static Map<Character, String> substitutes() {
        Map<Character, String> m = new java.util.HashMap<>();
        // Russian and Ukrainian letters, ICAO Doc 9303 (the transliteration of Russian passports since 2013)
        String[] ru = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z", "и", "i",
                "й", "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t", "у", "u",
                "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "ie", "ы", "y", "ь", "", "э", "e",
                "ю", "iu", "я", "ia", "є", "ie", "і", "i", "ї", "i", "ґ", "g"};
        for (int k = 0; k < ru.length; k += 2) m.put(ru[k].charAt(0), ru[k + 1]);
        // Polish letters whose accent NFD does not separate
        m.put('ł', "l");
        // punctuation the PC tables lack
        for (char c : "·•–—‒−".toCharArray()) m.put(c, "-");
        for (char c : "‘’‚‛′".toCharArray()) m.put(c, "'");
        for (char c : "“”„‟«»″".toCharArray()) m.put(c, "\"");
        m.put('…', "...");
        m.put('№', "No");
        m.put('€', "EUR");
        return Map.copyOf(m);
    }
}
