package org.talon.notify.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a template is filled: {@code {name}} (a letter, then letters, digits or {@code _}) is
 * replaced by the value of that name, as it is (no escaping: the texts are plain text). A name
 * without a value becomes empty, and a line whose placeholders are all empty is left out (the
 * line "Manage your booking: {link}" when there is no link). Any other brace stays as written.
 * Values are inserted once: a value holding {@code {x}} is not filled again.
 */
public final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");

    private Placeholders() {
    }

    /** The placeholder names a text uses, in order of first use. */
    public static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The text with its placeholders filled from {@code values}. */
    public static String fill(String text, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder out = new StringBuilder();
            boolean any = false;
            boolean filled = false;
            while (m.find()) {
                any = true;
                String v = values.get(m.group(1));
                if (v != null && !v.isEmpty()) filled = true;
                m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
            }
            m.appendTail(out);
            if (any && !filled) continue;
            lines.add(out.toString().stripTrailing());
        }
        // no blank lines at the ends, and never two in a row where a line was left out
        StringBuilder b = new StringBuilder();
        boolean blank = false;
        for (String l : lines) {
            if (l.isEmpty()) {
                blank = true;
                continue;
            }
            if (b.length() > 0) b.append(blank ? "\n\n" : "\n");
            b.append(l);
            blank = false;
        }
        return b.toString();
    }
}
