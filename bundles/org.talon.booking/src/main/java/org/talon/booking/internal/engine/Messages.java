package org.talon.booking.internal.engine;

import java.util.Locale;
import org.talon.booking.api.BookingException;
import org.talon.booking.api.BookingException.Reason;
import org.talon.event.api.text.Texts;

/**
 * The booking bundle's user-visible texts, from {@code org/talon/booking/internal/messages*.properties}
 * (en, ru, pl), and its refusals in those texts.
 */
public final class Messages {
    public static final Texts TEXTS = Texts.of(Messages.class, "org.talon.booking.internal.messages");

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        return TEXTS.text(locale, key, args);
    }

    /** A refusal's message in a language. */
    public static String localized(BookingException e, Locale locale) {
        if (e.key() == null) return e.getMessage();
        String t = text(locale, e.key(), e.args().toArray());
        return t.equals(e.key()) ? e.getMessage() : t;
    }

    /** A refusal whose English message comes from the texts. */
    public static BookingException refuse(Reason reason, String key, Object... args) {
        return new BookingException(reason, key, text(Locale.ROOT, key, args), args);
    }
}
