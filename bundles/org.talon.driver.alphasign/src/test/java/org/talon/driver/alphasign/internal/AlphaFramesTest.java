package org.talon.driver.alphasign.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;

class AlphaFramesTest {
    private static final AlphaFrames.Settings DEFAULTS = AlphaFrames.settings("Z", "00", "A", "fill", "hold", 2, true, true);

    @Test
    void checksumIsTheSixteenBitSumFromStxThroughEtxInHex() {
        // the wake-up example of wls.wwco.com's Alpha 215C notes, "AA" ESC " b" "Message", with ETX added:
        // 02 + 41 + 41 + 1B + 20 + 62 + 4D 65 73 73 61 67 65 + 03
        // = 0x0121 (STX through "b") + 0x02C5 ("Message") + 0x03 (ETX) = 0x03E9
        byte[] body = ("\u0002AA\u001b bMessage\u0003").getBytes(StandardCharsets.US_ASCII);
        assertEquals("03E9", AlphaFrames.checksum(body, 0, body.length));
        // STX 'A' 'A' ETX: 0x02 + 0x41 + 0x41 + 0x03 = 0x0087, sent as the four characters "0087"
        assertEquals("0087", AlphaFrames.checksum(new byte[] {2, 'A', 'A', 3}, 0, 4));
    }

    @Test
    void checksumWrapsAtSixteenBits() {
        byte[] many = new byte[300];
        java.util.Arrays.fill(many, (byte) 0xFF); // 300 * 255 = 76500 = 0x12AD4
        assertEquals("2AD4", AlphaFrames.checksum(many, 0, many.length));
    }

    @Test
    void hallUpdateIsOnePacketWithTheNewCallFlashing() {
        DisplayContent c = new DisplayContent(List.of(new Call("A002", "c3", "Window 3", "3"), new Call("A001", "c1", "Window 1", "1")),
                new Call("A002", "c3", "Window 3", "3"));
        assertArrayEquals(GoldenBytes.read(AlphaFramesTest.class, "/frames/hall-two-calls.hex"), AlphaFrames.show(DEFAULTS, c));
    }

    @Test
    void onlyAsManyCallsAsTheSignHasLines() {
        DisplayContent three = new DisplayContent(List.of(new Call("A003", "c2", null, "2"), new Call("A002", "c3", null, "3"),
                new Call("A001", "c1", null, "1")), null);
        AlphaSignEmulator sign = new AlphaSignEmulator();
        sign.accept(AlphaFrames.show(DEFAULTS, three));
        assertEquals(List.of("A003 -> 2", "A002 -> 3"), sign.shows('A'));
        assertEquals(List.of(), sign.errors());
    }

    @Test
    void emptyContentEmptiesTheFile() {
        assertArrayEquals(GoldenBytes.read(AlphaFramesTest.class, "/frames/clear.hex"), AlphaFrames.show(DEFAULTS, DisplayContent.empty()));
    }

    @Test
    void withoutChecksumThereIsNoEtxEither() {
        AlphaFrames.Settings s = AlphaFrames.settings("Z", "00", "A", "fill", "rotate", 2, false, true);
        Call a = new Call("A001", "c2", "Window 2", "2");
        assertArrayEquals(GoldenBytes.read(AlphaFramesTest.class, "/frames/no-checksum.hex"), AlphaFrames.show(s, new DisplayContent(List.of(a), a)));
    }

    @Test
    void cyrillicAndPolishAreTransliteratedToAscii() {
        DisplayContent c = new DisplayContent(List.of(new Call("Б012", "c4", "Окно 4", "Окно 4"), new Call("Ś007", "c9", null, "Żółć")), null);
        byte[] packet = AlphaFrames.show(DEFAULTS, c);
        assertArrayEquals(GoldenBytes.read(AlphaFramesTest.class, "/frames/non-ascii.hex"), packet);
        for (byte b : packet) assertTrue((b & 0xFF) < 0x80, "only 7-bit bytes on a 7E1 line");
    }

    @Test
    void settingsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AlphaFrames.settings("Z", "1", "A", "fill", "hold", 2, true, true))
                .getMessage().contains("address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AlphaFrames.settings("Z", "00", "A", "fill", "blink", 2, true, true))
                .getMessage().contains("mode must be one of"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AlphaFrames.settings("Z", "00", "AB", "fill", "hold", 2, true, true))
                .getMessage().contains("fileLabel"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AlphaFrames.settings("Z", "00", "A", "fill", "hold", 0, true, true))
                .getMessage().contains("lines"));
        assertEquals("0A", AlphaFrames.settings("Z", "0a", "A", "middle", "roll-up", 1, true, true).address());
    }

    @Test
    void emulatorDropsAPacketWhoseChecksumIsWrong() {
        byte[] p = GoldenBytes.read(AlphaFramesTest.class, "/frames/clear.hex");
        p[p.length - 2] = '8'; // "0088"
        AlphaSignEmulator sign = new AlphaSignEmulator();
        sign.accept(p);
        assertEquals(0, sign.packets());
        assertEquals(List.of("checksum 0088 but STX..ETX add up to 0087"), sign.errors());
    }
}
