package org.talon.web.internal;

import java.util.Collections;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import org.talon.event.api.text.Texts;

/**
 * The web bundle's user-visible texts, from {@code org/talon/web/internal/messages*.properties}
 * (en, ru, pl), looked up by the platform's {@link Texts}.
 */
public final class Messages {
    static final Texts TEXTS = Texts.of(Messages.class, "org.talon.web.internal.messages");

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        return TEXTS.text(locale, key, args);
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
                if (Texts.LANGUAGES.contains(l.getLanguage())) return Texts.supported(l);
            }
        } catch (RuntimeException malformed) {
            // a header the container cannot parse: English
        }
        return Locale.ENGLISH;
    }
}
