package org.talon.driver.talonserial.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.talon.device.api.KeypadKey;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.DeviceLine;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Err;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Hello;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Key;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Led;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Malformed;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Ok;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Pong;
import org.talon.driver.talonserial.internal.TalonSerialProtocol.Rate;

class TalonSerialProtocolTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void eachScreenLineIsCutTo16Characters() {
        byte[] expected = GoldenBytes.read(TalonSerialProtocolTest.class, "/show-truncated.hex");
        byte[] actual = GoldenBytes.concat(TalonSerialProtocol.show("Counter 12 A-0042", "17 waiting, about 25 min"),
                TalonSerialProtocol.led(Led.ON));
        assertEquals(GoldenBytes.show(expected), GoldenBytes.show(actual));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
        "Окно 3 = Okno 3",
        "Ждут: 4 = Zhdut: 4",
        "Щука = Shchuka",
        "ЩУКА = SHCHUKA",
        "Ёлка = Elka",
        "Объём = Obieem",
        "Соловьёв = Solovev",
        "Юлия = Iuliia",
        "Окно №3 = Okno No3",
        "Їжак і ґанок = Izhak i ganok",
        "Беларусь: Ў = Belarus: U",
    })
    void cyrillicIsTransliteratedByIcao9303(String cyrillic, String latin) {
        assertEquals(latin, LcdText.ascii(cyrillic));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
        "Okienko ś = Okienko s",
        "Łódź = Lodz",
        "Zażółć gęślą jaźń = Zazolc gesla jazn",
        "ŻÓŁW = ZOLW",
        "Straße = Strasse",
        "Café — 3 min… = Cafe - 3 min...",
    })
    void latinLettersLoseTheirDiacritics(String text, String ascii) {
        assertEquals(ascii, LcdText.ascii(text));
    }

    @Test
    void decomposedInputIsTreatedAsComposed() {
        assertEquals("Okienko s", LcdText.ascii("Okienko s\u0301"));
    }

    @Test
    void whatTheLcdCannotShowIsReplaced() {
        // on ROM A00, 0x5C is a yen sign and 0x7E an arrow; | separates SHOW's two lines
        assertEquals("a/b-c/d", LcdText.line("a\\b~c|d", 16));
        assertEquals("tab here", LcdText.ascii("tab\there"));
        assertEquals("smile ?", LcdText.ascii("smile \uD83D\uDE00"));
        assertEquals("?", LcdText.ascii("中"));
    }

    @Test
    void transliterationComesBeforeTheCut() {
        // Щ is four letters on the LCD: the cut counts what the LCD shows
        assertEquals("SHOW ShchshchShchshch|\n", text(TalonSerialProtocol.show("ЩщЩщЩщ", null)));
    }

    @Test
    void askNamesTheTicketAndNoTicketIsIdle() {
        assertEquals(GoldenBytes.show(GoldenBytes.read(TalonSerialProtocolTest.class, "/ask.hex")), GoldenBytes.show(TalonSerialProtocol.ask("A001")));
        assertEquals(GoldenBytes.show(GoldenBytes.read(TalonSerialProtocolTest.class, "/idle.hex")), GoldenBytes.show(TalonSerialProtocol.ask(null)));
        assertEquals(GoldenBytes.show(GoldenBytes.read(TalonSerialProtocolTest.class, "/idle.hex")), GoldenBytes.show(TalonSerialProtocol.ask("  ")));
        assertEquals("ASK VERY-LONG-TICKET\n", text(TalonSerialProtocol.ask("VERY-LONG-TICKET-NUMBER")));
    }

    @Test
    void pingIsOneLine() {
        assertEquals(GoldenBytes.show(GoldenBytes.read(TalonSerialProtocolTest.class, "/ping.hex")), GoldenBytes.show(TalonSerialProtocol.ping()));
    }

    @ParameterizedTest
    @EnumSource(KeypadKey.class)
    void everyKeypadKeyIsAKeyLine(KeypadKey key) {
        assertEquals(new Key(key), TalonSerialProtocol.parse("KEY " + key.name()));
    }

    @Test
    void deviceLinesParse() {
        assertEquals(new Hello("keypad", "1.0.0"), TalonSerialProtocol.parse("HELLO keypad 1.0.0"));
        assertEquals(new Hello("combo", "v2"), TalonSerialProtocol.parse("HELLO combo v2 lcd=16x2"), "fields after the firmware are for later versions");
        assertEquals(new Rate(4, 5), TalonSerialProtocol.parse("RATE 4/5"));
        assertEquals(new Rate(10, 10), TalonSerialProtocol.parse("RATE 10/10"));
        assertEquals(new Rate(0, 5), TalonSerialProtocol.parse("RATE 0/5"), "the range is the role's to check");
        assertEquals(new Pong(), TalonSerialProtocol.parse("PONG"));
        assertEquals(new Ok(), TalonSerialProtocol.parse("OK"));
        assertEquals(new Err("lcd not found"), TalonSerialProtocol.parse("ERR lcd not found"));
        assertEquals(new Err(""), TalonSerialProtocol.parse("ERR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"KEY LUNCH", "KEY call", "KEY", "KEY  CALL", "KEY CALL ", " KEY CALL", "KEY CALL NOW",
        "RATE 4", "RATE 4/", "RATE four/5", "RATE 4 / 5", "RATE 123/5", "PONG now", "OK OK", "HELLO keypad",
        "HELLO Keypad 1.0", "PING", "SHOW A|B", "hello keypad 1.0", "PONGG", "KEY CA\u00dfLL"})
    void linesThatAreNotTheProtocolAreMalformed(String line) {
        assertInstanceOf(Malformed.class, TalonSerialProtocol.parse(line));
    }

    @Test
    void linesArriveInPiecesAndEndInLfOrCrLf() {
        LineReader reader = new LineReader();
        assertEquals(List.of(), reader.feed(ascii("KEY CA")));
        assertEquals(List.of(), reader.feed(ascii("LL\r")));
        assertEquals(List.of(new Key(KeypadKey.CALL)), reader.feed(ascii("\n")));
        assertEquals(List.of(new Pong(), new Key(KeypadKey.PARK)), reader.feed(ascii("\r\n\nPONG\nKEY PARK\n")),
                "empty lines are skipped");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sixtyFourCharactersIsALineAndSixtyFiveIsNot() {
        LineReader reader = new LineReader();
        String longest = "ERR " + "x".repeat(60);
        assertEquals(List.of(new Err("x".repeat(60))), reader.feed((longest + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        List<DeviceLine> tooLong = reader.feed((longest + "y\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, tooLong.size());
        assertInstanceOf(Malformed.class, tooLong.get(0));
    }

    @Test
    void noiseWithoutLineEndsIsDroppedUpToTheNextLf() {
        LineReader reader = new LineReader();
        byte[] noise = new byte[10_000];
        for (int i = 0; i < noise.length; i++) noise[i] = (byte) (0x80 | i);
        assertEquals(List.of(), reader.feed(noise));
        List<DeviceLine> lines = reader.feed("garbage\nKEY NEXT\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, lines.size(), "the noise with its line end is one malformed line, then the next line counts");
        assertInstanceOf(Malformed.class, lines.get(0));
        assertEquals(new Key(KeypadKey.NEXT), lines.get(1));
    }

    @Test
    void aSerialPortWithoutSpeedGetsTheProtocolsSpeed() {
        assertEquals("serial:/dev/ttyACM0?baud=115200", TalonSerialProtocol.withDefaultBaud("serial:/dev/ttyACM0"));
        assertEquals("serial:/dev/ttyACM0?parity=none&baud=115200", TalonSerialProtocol.withDefaultBaud("serial:/dev/ttyACM0?parity=none"));
        assertEquals("serial:/dev/ttyUSB0?baud=9600", TalonSerialProtocol.withDefaultBaud("serial:/dev/ttyUSB0?baud=9600"));
        assertEquals("serial:COM3?parity=none&baud=57600", TalonSerialProtocol.withDefaultBaud("serial:COM3?parity=none&baud=57600"));
        assertEquals("tcp://10.0.0.7:2323", TalonSerialProtocol.withDefaultBaud("tcp://10.0.0.7:2323"));
    }

    @Test
    void everythingTalonWritesFitsTheDevicesBuffer() {
        byte[] widest = TalonSerialProtocol.show("W".repeat(40), "Ш".repeat(40));
        assertTrue(widest.length - 1 <= TalonSerialProtocol.MAX_LINE, GoldenBytes.show(widest));
        assertEquals("SHOW WWWWWWWWWWWWWWWW|SHSHSHSHSHSHSHSH\n", text(widest));
    }
}
