package org.talon.notify.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talon.event.api.text.Texts;

/**
 * The messages' texts: per template a subject (e-mail), an e-mail body and an SMS body, in
 * English, Russian and Polish, from {@code org/talon/notify/internal/templates/notify_<lang>.properties} in this bundle
 * (UTF-8), each key overridable by an integrator in {@code <dir>/talon-notify_<lang>.properties}
 * (by default {@code ${karaf.etc}}), read again when the file changes.
 *
 * <p>Keys: {@code <template>.subject}, {@code <template>.email}, {@code <template>.sms}, and
 * {@code greeting} / {@code greeting.noName}, the {@code {greeting}} of a message with or without
 * the recipient's name. Placeholders are filled by {@link Placeholders}.
 */
public final class Templates {
    private static final Logger LOG = Logger.getLogger(Templates.class.getName());

    /** The templates Talon has, each with the placeholders it may use (besides {@code name} and {@code greeting}). */
    public static final Map<String, List<String>> TEMPLATES = templates();
    /** The parts of a template. */
    public static final List<String> PARTS = List.of("subject", "email", "sms");
    /** Placeholders every template may use: the recipient's name and the greeting made with it. */
    public static final List<String> COMMON = List.of("name", "greeting");

    private static Map<String, List<String>> templates() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        List<String> booking = List.of("code", "service", "start", "branch", "link");
        for (String b : List.of("booking.confirmed", "booking.reminder", "booking.rescheduled", "booking.cancelled", "booking.noshow")) {
            t.put(b, booking);
        }
        t.put("ticket.near", List.of("number", "position", "branch", "link"));
        t.put("ticket.called", List.of("number", "counter", "branch"));
        t.put("request.registered", List.of("id", "type", "branch", "link"));
        t.put("request.ready", List.of("id", "type", "branch"));
        for (String r : List.of("request.done", "request.rejected")) t.put(r, List.of("id", "type", "link", "result"));
        t.put("request.cancelled", List.of("id", "type", "link"));
        t.put("request.message", List.of("id", "type", "link", "text"));
        t.put("request.overdue", List.of("id", "type", "branch", "link", "assignee", "dueAt"));
        return java.util.Collections.unmodifiableMap(t);
    }

    /** A rendered message. */
    public record Rendered(String subject, String email, String sms) {
    }

    private final Map<String, Properties> builtIn = new HashMap<>();
    private volatile Path overrides;
    private final Map<String, Override> loaded = new HashMap<>();

    private record Override(long modified, long size, Properties texts) {
    }

    /** @param overrides the folder of the integrator's files, or {@code null} for none */
    public Templates(Path overrides) {
        this.overrides = overrides;
        for (String lang : Texts.LANGUAGES) builtIn.put(lang, load(lang));
    }

    /** The folder the integrator's files are read from, or {@code null}. */
    public Path overrides() {
        return overrides;
    }

    /** Reads the integrator's files from this folder from now on ({@code null}: none). */
    public synchronized void overrides(Path dir) {
        overrides = dir;
        loaded.clear();
    }

    private static Properties load(String lang) {
        Properties p = new Properties();
        String name = "/org/talon/notify/internal/templates/notify_" + lang + ".properties";
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        return p;
    }

    /** {@code en}, {@code ru} or {@code pl} for a language tag ({@code pl-PL} is {@code pl}); English for any other. */
    public static String language(String tag) {
        if (tag == null || tag.isBlank()) return "en";
        String l = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return Texts.LANGUAGES.contains(l) ? l : "en";
    }

    public static boolean exists(String template) {
        return TEMPLATES.containsKey(template);
    }

    /** The text of a key in a language: the integrator's, or the bundle's, or the bundle's English one. */
    public String text(String language, String key) {
        String lang = language(language);
        return text(override(lang), lang, key);
    }

    /** A key's text with the integrator's file of that language already read (once per message, not once per key). */
    private String text(Properties o, String lang, String key) {
        if (o != null && o.getProperty(key) != null) return o.getProperty(key);
        String v = builtIn.get(lang).getProperty(key);
        return v != null ? v : builtIn.get("en").getProperty(key, "");
    }

    /** Renders a template in a language with the recipient's name and the placeholders' values. */
    public Rendered render(String template, String language, String name, Map<String, String> params) {
        if (!exists(template)) throw new IllegalArgumentException("no template " + template + "; there are " + TEMPLATES.keySet());
        Map<String, String> values = new HashMap<>(params);
        boolean named = name != null && !name.isBlank();
        if (named) values.put("name", name.strip());
        else values.remove("name");
        String lang = language(language);
        Properties o = override(lang);
        values.put("greeting", Placeholders.fill(text(o, lang, named ? "greeting" : "greeting.noName"), values));
        return new Rendered(Placeholders.fill(text(o, lang, template + ".subject"), values).replace('\n', ' '),
                Placeholders.fill(text(o, lang, template + ".email"), values),
                Placeholders.fill(text(o, lang, template + ".sms"), values).replace('\n', ' '));
    }

    private synchronized Properties override(String lang) {
        Path dir = overrides;
        if (dir == null) return null;
        Path f = dir.resolve("talon-notify_" + lang + ".properties");
        try {
            if (!Files.isRegularFile(f)) {
                loaded.remove(lang);
                return null;
            }
            long modified = Files.getLastModifiedTime(f).toMillis();
            long size = Files.size(f);
            Override o = loaded.get(lang);
            if (o != null && o.modified == modified && o.size == size) return o.texts;
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String k : p.stringPropertyNames()) {
                if (!builtIn.get("en").containsKey(k)) LOG.warning(f + ": " + k + " is not a key of Talon's notification texts; it is not used");
            }
            loaded.put(lang, new Override(modified, size, p));
            return p;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Cannot read " + f + "; Talon's own texts are used", e);
            return null;
        }
    }

    /**
     * What is wrong with the texts (Talon's own and the integrator's), one line each: a key of
     * English missing in another language or one only there, a template without one of its parts,
     * a placeholder a template does not have.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Set<String> expected = new TreeSet<>(List.of("greeting", "greeting.noName"));
        for (String t : TEMPLATES.keySet()) for (String part : PARTS) expected.add(t + "." + part);
        for (String lang : Texts.LANGUAGES) {
            Properties p = builtIn.get(lang);
            Set<String> keys = new TreeSet<>(p.stringPropertyNames());
            for (String k : expected) if (!keys.contains(k)) out.add(lang + ": missing " + k);
            for (String k : keys) if (!expected.contains(k)) out.add(lang + ": " + k + " is no template's");
            Properties o = override(lang);
            for (String k : expected) {
                String text = o != null && o.getProperty(k) != null ? o.getProperty(k) : p.getProperty(k);
                if (text == null) continue;
                List<String> allowed = new ArrayList<>(COMMON);
                String template = k.startsWith("greeting") ? null : k.substring(0, k.lastIndexOf('.'));
                if (template != null) allowed.addAll(TEMPLATES.get(template));
                else allowed.remove("greeting");
                for (String n : Placeholders.names(text)) {
                    if (!allowed.contains(n)) out.add(lang + ": " + k + " uses {" + n + "}, which it does not have (it has " + allowed + ")");
                }
            }
        }
        return out;
    }
}
