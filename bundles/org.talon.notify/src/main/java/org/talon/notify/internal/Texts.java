package org.talon.notify.internal;

import java.util.Locale;

/** The notifications' own user-visible texts (answers, console), in English, Russian and Polish. */
public final class Texts {
    public static final org.talon.event.api.text.Texts TEXTS = org.talon.event.api.text.Texts.of(Texts.class,
            "org.talon.notify.internal.messages");

    private Texts() {
    }

    public static String text(Locale locale, String key, Object... args) {
        return TEXTS.text(locale, key, args);
    }
}
