package org.talon.event.api.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * A domain's user-visible texts: {@code <base>.properties} (English, the default) and
 * {@code <base>_en|_ru|_pl.properties} beside it, UTF-8, read from the domain's own bundle.
 * Patterns follow {@link MessageFormat}: arguments are {@code {0}}, a literal apostrophe is
 * written {@code ''}. A domain keeps one instance:
 *
 * <pre>
 * static final Texts TEXTS = Texts.of(MyDomain.class, "org.example.internal.messages");
 * TEXTS.text(locale, "booking.slotTaken", slot)
 * </pre>
 *
 * A language Talon does not speak gets English, and a key that is missing is shown as itself, so
 * a forgotten text is visible and never fails a request. {@link #problems()} is what a domain's
 * unit test checks: every key in every language, and patterns that format.
 */
public final class Texts {
    /** The languages every page, answer and console message is in. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "pl");

    /** An argument that is itself a key of the same texts, shown in the same language. */
    public record Key(String key) {
        public Key {
            Objects.requireNonNull(key, "key");
        }
    }

    private final ClassLoader loader;
    private final String base;

    private Texts(ClassLoader loader, String base) {
        this.loader = loader;
        this.base = base;
    }

    /**
     * @param owner a class of the bundle holding the files (its class loader finds them)
     * @param base  the files' base name as a class name, e.g. {@code org.talon.queue.internal.messages}
     */
    public static Texts of(Class<?> owner, String base) {
        return new Texts(owner.getClassLoader(), Objects.requireNonNull(base, "base"));
    }

    /** The language of {@code requested} when Talon speaks it, English otherwise. */
    public static Locale supported(Locale requested) {
        if (requested != null && LANGUAGES.contains(requested.getLanguage())) return Locale.forLanguageTag(requested.getLanguage());
        return Locale.ENGLISH;
    }

    /** The text of {@code key} in the language of {@code locale}, with its arguments; the key itself when there is none. */
    public String text(Locale locale, String key, Object... args) {
        Locale lang = supported(locale);
        String pattern = pattern(lang, key);
        if (pattern == null) return key;
        Object[] resolved = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Key k) resolved[i] = text(lang, k.key());
        }
        return new MessageFormat(pattern, lang).format(resolved);
    }

    /** Whether a text of {@code key} exists (in English, which every key has). */
    public boolean has(String key) {
        return pattern(Locale.ENGLISH, key) != null;
    }

    private String pattern(Locale lang, String key) {
        if (key == null) return null;
        ResourceBundle rb;
        try {
            // no fallback to the JVM's default locale: a Russian server still answers English to English callers
            rb = ResourceBundle.getBundle(base, lang, loader, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            try {
                rb = ResourceBundle.getBundle(base, Locale.ROOT, loader, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            } catch (MissingResourceException none) {
                return null;
            }
        }
        try {
            return rb.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * What is wrong with the files, one line each; empty when every key of the default file is
     * in every language's file and no other, the default equals English, and every pattern
     * formats, with each of its arguments shown and no lone apostrophe (which would swallow the
     * rest of the text).
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Properties defaults = load("", out);
        if (defaults == null) return out;
        Set<String> keys = new TreeSet<>(defaults.stringPropertyNames());
        if (keys.isEmpty()) out.add(base + ": no texts");
        check("", defaults, out);
        for (String lang : LANGUAGES) {
            Properties p = load("_" + lang, out);
            if (p == null) continue;
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(p.stringPropertyNames());
            if (!missing.isEmpty()) out.add(base + "_" + lang + ": missing " + missing);
            Set<String> extra = new TreeSet<>(p.stringPropertyNames());
            extra.removeAll(keys);
            if (!extra.isEmpty()) out.add(base + "_" + lang + ": not in the default file " + extra);
            check("_" + lang, p, out);
            if (lang.equals("en") && !p.equals(defaults)) out.add(base + ": the default file is not the English one");
        }
        return out;
    }

    private Properties load(String suffix, List<String> out) {
        String file = base.replace('.', '/') + suffix + ".properties";
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                out.add(file + ": not found");
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException | IllegalArgumentException e) {
            out.add(file + ": " + e.getMessage());
            return null;
        }
    }

    private void check(String suffix, Properties p, List<String> out) {
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String pattern = p.getProperty(key);
            String where = base + suffix + " " + key;
            if (pattern.replace("''", "").contains("'")) {
                out.add(where + ": a single apostrophe (write '') in " + pattern);
                continue;
            }
            try {
                MessageFormat mf = new MessageFormat(pattern, Locale.ROOT);
                int n = mf.getFormatsByArgumentIndex().length;
                Object[] args = new Object[n];
                for (int i = 0; i < n; i++) args[i] = "<" + i + ">";
                String shown = mf.format(args);
                for (int i = 0; i < n; i++) {
                    if (!shown.contains("<" + i + ">")) out.add(where + ": argument " + i + " is not shown");
                }
                if (shown.contains("{") || shown.contains("}")) out.add(where + ": a brace left in " + shown);
                if (pattern.split("''", -1).length - 1 != shown.length() - shown.replace("'", "").length()) {
                    out.add(where + ": an apostrophe is lost in " + shown);
                }
            } catch (IllegalArgumentException e) {
                out.add(where + ": " + e.getMessage());
            }
        }
    }
}
