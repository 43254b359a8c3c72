package org.talon.queue.internal.engine;

import java.util.Locale;
import org.talon.event.api.text.Texts;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueException.Reason;

/**
 * The queue bundle's user-visible texts, from {@code org/talon/queue/internal/messages*.properties}
 * (en, ru, pl), looked up by the platform's {@link Texts}; and its refusals in those texts.
 */
public final class Messages {
    public static final Texts TEXTS = Texts.of(Messages.class, "org.talon.queue.internal.messages");

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        return TEXTS.text(locale, key, args);
    }

    /**
     * A refusal's message in the given language. Arguments that name a state or an action
     * ({@code SERVING}, {@code action.noshow}) are translated too.
     */
    public static String localized(QueueException e, Locale locale) {
        if (e.key() == null) return e.getMessage();
        Object[] args = e.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof String s)) continue;
            if (s.startsWith("action.")) args[i] = text(locale, s);
            else if (s.matches("[A-Z_]+") && !text(locale, "state." + s).startsWith("state.")) args[i] = text(locale, "state." + s);
        }
        String t = text(locale, e.key(), args);
        return t.equals(e.key()) ? e.getMessage() : t;
    }

    /** A refusal whose English message comes from the resource bundle. */
    public static QueueException refuse(Reason reason, String key, Object... args) {
        QueueException plain = new QueueException(reason, key, "", args);
        return new QueueException(reason, key, localized(plain, Locale.ROOT), args);
    }
}
