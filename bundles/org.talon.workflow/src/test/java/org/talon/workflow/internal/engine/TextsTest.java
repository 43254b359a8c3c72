package org.talon.workflow.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.talon.event.api.text.Texts;
import org.talon.workflow.api.WorkflowException.Reason;

class TextsTest {
    @Test
    void everyKeyIsInEveryLanguageAndEveryArgumentIsShown() {
        assertEquals(List.of(), Messages.TEXTS.problems());
    }

    @Test
    void aRefusalNamesTheActionAndTheStateInTheCallersLanguage() {
        var e = Messages.refuse(Reason.ILLEGAL_STATE, "action.notFrom", new Texts.Key("action.COMPLETE"), new Texts.Key("state.ASSIGNED"), "WAR-2026-000001");
        assertEquals("Completing is not allowed for request WAR-2026-000001 while it is \u201cAssigned\u201d.", e.getMessage());
        assertEquals("Zakończenie nie jest możliwe dla sprawy WAR-2026-000001 w stanie \u201ePrzydzielona\u201d.", Messages.localized(e, Locale.forLanguageTag("pl")));
        assertEquals("Завершение невозможно для обращения WAR-2026-000001 в состоянии \u00abНазначено\u00bb.", Messages.localized(e, Locale.forLanguageTag("ru")));
    }
}
