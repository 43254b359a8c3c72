package org.talon.queue.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.QueueException;

class MessagesTest {
    @Test
    void everyKeyExistsInEnglishRussianAndPolishAndEveryPatternFormats() {
        assertEquals(List.of(), Messages.TEXTS.problems());
    }

    @Test
    void aRefusalIsEnglishAndTranslatesWithItsStateAndAction() {
        QueueException e = Messages.refuse(QueueException.Reason.ILLEGAL_STATE, "ticket.illegal", "A001", "SERVING", "action.noshow");
        assertEquals(e.getMessage(), Messages.localized(e, Locale.ENGLISH));
        String pl = Messages.localized(e, Locale.forLanguageTag("pl"));
        String ru = Messages.localized(e, Locale.forLanguageTag("ru"));
        assertEquals(Messages.text(Locale.forLanguageTag("pl"), "ticket.illegal", "A001",
                Messages.text(Locale.forLanguageTag("pl"), "state.SERVING"), Messages.text(Locale.forLanguageTag("pl"), "action.noshow")), pl);
        assertEquals(true, ru.contains("A001") && ru.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC), ru);
        // a language Talon does not speak gets English, not the server's default language
        assertEquals(e.getMessage(), Messages.localized(e, Locale.GERMAN));
    }
}
