package org.talon.driver.alphasign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AsciiTransliterationTest {

    @Test
    void russianIsRomanised() {
        assertEquals("Okno 3, Zhanna, SHCHUKA, Yuliya", AsciiTransliteration.toAscii("Окно 3, Жанна, ЩУКА, Юлия"));
        assertEquals("Podezd", AsciiTransliteration.toAscii("Подъезд"));
    }

    @Test
    void polishLosesItsDiacritics() {
        assertEquals("Zazolc gesla jazn LODZ", AsciiTransliteration.toAscii("Zażółć gęślą jaźń ŁÓDŹ"));
    }

    @Test
    void controlBytesAndTheRestNeverGetThrough() {
        assertEquals("A 1 ? \"x\" - No5", AsciiTransliteration.toAscii("A\u00041 \u4e2d «x» — №5"));
    }
}
