package org.talon.web.internal;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/**
 * The web bundle's user-visible texts, from {@code org/talon/web/internal/messages*.properties}
 * (en, ru, pl; the files are UTF-8, which {@link java.util.PropertyResourceBundle} reads since
 * Java 9). Patterns follow {@link MessageFormat}, so a literal apostrophe is written {@code ''}.
 */
public final class Messages {
    static final String BUNDLE = "org.talon.web.internal.messages";
    /** The languages the API answers in; anything else gets English. */
    static final Set<String> LANGUAGES = Set.of("en", "ru", "pl");

    /** An argument that is itself a text key, translated into the same language as the pattern. */
    public record Key(String key) {
    }

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle rb;
        try {
            rb = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            rb = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Messages.class.getClassLoader());
        }
        String pattern;
        try {
            pattern = rb.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Object[] resolved = args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Key k) resolved[i] = text(locale, k.key());
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    /**
     * A problem's title in the caller's language. A title is translated when it is the standard
     * one for its status ({@code title.<status>} in English, whichever bundle threw it); a title
     * of a route's own choosing is left as the route gave it.
     */
    static String title(Locale locale, int status, String given) {
        String key = "title." + status;
        String english = text(Locale.ROOT, key);
        if (english.equals(key)) return given == null ? "" : given;
        if (given != null && !given.equalsIgnoreCase(english)) return given;
        return text(locale, key);
    }

    /**
     * The language a request asked for: the first of {@link #LANGUAGES} in its Accept-Language,
     * English without the header or when it names none of them (the servlet container would
     * otherwise answer its own default locale).
     */
    static Locale locale(HttpServletRequest req) {
        try {
            if (req.getHeader("Accept-Language") == null) return Locale.ENGLISH;
            for (Locale l : Collections.list(req.getLocales())) {
                if (LANGUAGES.contains(l.getLanguage())) return Locale.forLanguageTag(l.getLanguage());
            }
        } catch (RuntimeException malformed) {
            // a header the container cannot parse: English
        }
        return Locale.ENGLISH;
    }
}
