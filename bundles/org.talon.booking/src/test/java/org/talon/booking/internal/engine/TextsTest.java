package org.talon.booking.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void everyKeyIsInEveryLanguageAndEveryArgumentIsShown() {
        assertEquals(List.of(), Messages.TEXTS.problems());
    }

    @Test
    void aRefusalReadsInTheCallersLanguage() {
        var e = Messages.refuse(org.talon.booking.api.BookingException.Reason.SLOT_FULL, "slot.full", "2026-12-08 12:00");
        assertEquals("The time 2026-12-08 12:00 has just been taken. Please choose another one.", e.getMessage());
        assertEquals("Godzina 2026-12-08 12:00 została właśnie zajęta. Wybierz inną.", Messages.localized(e, Locale.forLanguageTag("pl")));
        assertEquals("Время 2026-12-08 12:00 только что заняли. Пожалуйста, выберите другое.", Messages.localized(e, Locale.forLanguageTag("ru")));
    }
}
