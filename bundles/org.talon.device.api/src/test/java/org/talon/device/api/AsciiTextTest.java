package org.talon.device.api;


import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AsciiTextTest {

    @Test
    void russianIsRomanised() {
        assertEquals("Okno 3, Zhanna, SHCHUKA, Yuliya", AsciiText.of("Окно 3, Жанна, ЩУКА, Юлия"));
        assertEquals("Podezd", AsciiText.of("Подъезд"));
    }

    @Test
    void polishLosesItsDiacritics() {
        assertEquals("Zazolc gesla jazn LODZ", AsciiText.of("Zażółć gęślą jaźń ŁÓDŹ"));
    }

    @Test
    void controlBytesAndTheRestNeverGetThrough() {
        assertEquals("A 1 ? \"x\" - No5", AsciiText.of("A\u00041 \u4e2d «x» — №5"));
    }
}
