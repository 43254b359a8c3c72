package org.talon.driver.escpos.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.talon.driver.escpos.internal.CodeTables.Encoded;
import org.talon.driver.escpos.internal.CodeTables.Script;

class CodeTablesTest {
    private final CodeTables epson = CodeTables.of("");

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void plainAsciiNeedsNoTable() {
        Encoded e = epson.encode("Window 3 / A001");
        assertEquals(CodeTables.ANY, e.table());
        assertNull(e.script());
        assertEquals("Window 3 / A001", ascii(e.bytes()));
    }

    @Test
    void aLineWithCyrillicLettersIsPc866Table17() {
        Encoded e = epson.encode("Окно 3 — №5");
        assertEquals(17, e.table());
        // О к н о, space, 3, space, the em dash PC866 lacks as -, space, № (0xFC), 5
        assertArrayEquals(GoldenBytes.parse("8E AA AD AE 20 33 20 2D 20 FC 35"), e.bytes());
    }

    @Test
    void aLineWithPolishLettersIsPc852Table18() {
        Encoded e = epson.encode("Łódź, ul. Żółta");
        assertEquals(18, e.table());
        assertArrayEquals(GoldenBytes.parse("9D A2 64 AB 2C 20 75 6C 2E 20 BD A2 88 74 61"), e.bytes());
    }

    @Test
    void otherAccentedLatinIsPc437Table0() {
        Encoded e = epson.encode("Café · 5 min");
        assertEquals(0, e.table());
        assertArrayEquals(GoldenBytes.parse("43 61 66 82 20 FA 20 35 20 6D 69 6E"), e.bytes());
    }

    @Test
    void theSelectedTableIsKeptWhenItHasEveryCharacter() {
        assertEquals(Script.POLISH, epson.encode("Twój numer", Script.POLISH).script());
        assertEquals(Script.LATIN, epson.encode("Twój numer", null).script());
        assertEquals(Script.LATIN, epson.encode("Twój numer", Script.CYRILLIC).script()); // PC866 has no ó
    }

    @Test
    void lettersTheTableLacksAreTransliterated() {
        // a Cyrillic line with a Polish name and guillemets, which PC866 lacks
        Encoded e = epson.encode("Окно «Łukasz»");
        assertEquals(17, e.table());
        assertArrayEquals(GoldenBytes.parse("8E AA AD AE 20 22 4C 75 6B 61 73 7A 22"), e.bytes());
        assertEquals("?", ascii(epson.encode("\uD83D\uDE00").bytes()).substring(0, 1));
    }

    @Test
    void withoutTheJdkCharsetsCyrillicAndPolishAreTransliteratedToAscii() {
        CodeTables bare = new CodeTables(0, 17, 18, name -> false);
        Encoded ru = bare.encode("Ваш номер: ЖУК-7, Жуков, Щука, подъезд");
        assertEquals(CodeTables.ANY, ru.table());
        assertEquals("Vash nomer: ZHUK-7, Zhukov, Shchuka, podieezd", ascii(ru.bytes()));
        assertEquals("Twoj numer - Lodz, zolta", ascii(bare.encode("Twój numer · Łódź, żółta").bytes()));
    }

    @Test
    void aBadCodePagesSettingIsRejectedWithTheReason() {
        assertEquals("codePages: \"greek\" is not latin, cyrillic or polish",
                assertThrows(IllegalArgumentException.class, () -> CodeTables.of("greek:15")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CodeTables.of("cyrillic:300"));
        assertThrows(IllegalArgumentException.class, () -> CodeTables.of("cyrillic"));
        assertEquals(7, CodeTables.of("cyrillic = 7; latin:0").table(Script.CYRILLIC));
    }
}
