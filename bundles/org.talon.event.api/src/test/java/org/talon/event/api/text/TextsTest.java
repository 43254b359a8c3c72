package org.talon.event.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
    static final Texts GOOD = Texts.of(TextsTest.class, "org.talon.event.api.text.good");
    static final Locale RU = Locale.forLanguageTag("ru");
    static final Locale PL = Locale.forLanguageTag("pl-PL");

    @Test
    void aTextIsInTheCallersLanguageReadAsUtf8() {
        assertEquals("Hello, Anna!", GOOD.text(Locale.ENGLISH, "greeting", "Anna"));
        assertEquals("Здравствуйте, Anna!", GOOD.text(RU, "greeting", "Anna"));
        assertEquals("Dzień dobry, Anna!", GOOD.text(PL, "greeting", "Anna"), "a country does not matter");
        assertEquals("It's 5", GOOD.text(Locale.ENGLISH, "quote", 5), "'' is one apostrophe");
        assertEquals("Это '5'", GOOD.text(RU, "quote", 5));
    }

    @Test
    void aLanguageTalonDoesNotSpeakGetsEnglishWhateverTheServersDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(RU);
            assertEquals("Hello, Jan!", GOOD.text(Locale.GERMAN, "greeting", "Jan"));
            assertEquals("Hello, Jan!", GOOD.text(null, "greeting", "Jan"));
            assertEquals(Locale.ENGLISH, Texts.supported(Locale.JAPANESE));
            assertEquals(Locale.forLanguageTag("pl"), Texts.supported(PL));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anArgumentThatIsAKeyIsShownInTheSameLanguage() {
        assertEquals("Proszę do: sala.", GOOD.text(PL, "where", new Texts.Key("place")));
        assertEquals("Пройдите в зал.", GOOD.text(RU, "where", new Texts.Key("place")));
    }

    @Test
    void aMissingKeyOrMissingFilesShowTheKey() {
        assertEquals("no.such", GOOD.text(RU, "no.such"));
        assertFalse(GOOD.has("no.such"));
        assertTrue(GOOD.has("greeting"));
        Texts none = Texts.of(TextsTest.class, "org.talon.event.api.text.absent");
        assertEquals("greeting", none.text(PL, "greeting"));
        assertEquals(List.of("org/talon/event/api/text/absent.properties: not found"), none.problems());
    }

    @Test
    void problemsNameEveryMissingKeyLoneApostropheAndUnshownArgument() {
        assertEquals(List.of(), GOOD.problems());
        List<String> bad = Texts.of(TextsTest.class, "org.talon.event.api.text.bad").problems();
        String all = String.join("\n", bad);
        assertTrue(all.contains("bad a: a single apostrophe"), all);
        assertTrue(all.contains("bad b: argument 0 is not shown"), all);
        assertTrue(all.contains("bad_en b: argument 0 is not shown"), all);
        assertTrue(all.contains("bad_ru: missing [c]"), all);
        assertTrue(all.contains("bad_ru: not in the default file [extra]"), all);
        assertTrue(all.contains("the default file is not the English one"), all);
        assertTrue(all.contains("bad_pl.properties: not found"), all);
        assertFalse(all.contains("bad_ru b:"), "{0} {1} shows both: " + all);
    }
}
