package org.talon.driver.rs485board.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;

class BoardFramesTest {
    private static final Call A001 = new Call("A001", "3", "Window 3", "3");
    private static final Call A002 = new Call("A002", "3", "Window 3", "3");

    private static BoardFrames.Settings counter(int width, String charset) {
        return BoardFrames.settings(32, width, charset, true, 1, false);
    }

    @Test
    void counterBoardFrameIsStartAddressTextEnd() {
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/counter-board.hex"), BoardFrames.show(counter(4, "cp1251"), new DisplayContent(List.of(A001), A001)));
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/counter-short.hex"),
                BoardFrames.show(counter(4, "cp1251"), new DisplayContent(List.of(new Call("A7", "3", null, "3")), null)));
    }

    @Test
    void nothingToShowIsSpaces() {
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/clear.hex"), BoardFrames.show(counter(4, "cp1251"), DisplayContent.empty()));
    }

    @Test
    void hallRowShowsItsCallNumberLeftLabelRight() {
        BoardFrames.Settings row1 = BoardFrames.settings(33, 8, "cp1251", false, 1, false);
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/hall-row.hex"), BoardFrames.show(row1, new DisplayContent(List.of(A002, A001), A002)));
        BoardFrames.Settings row3 = BoardFrames.settings(35, 8, "cp1251", false, 3, false);
        assertArrayEquals(new byte[] {1, 35, ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', 7},
                BoardFrames.show(row3, new DisplayContent(List.of(A002, A001), A002)), "no third call: the row is blank");
    }

    @Test
    void cyrillicGoesInCp1251() {
        BoardFrames.Settings s = BoardFrames.settings(33, 11, "cp1251", false, 1, false);
        Call c = new Call("Б012", "4", "Окно 4", "Окно 4");
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/cyrillic-cp1251.hex"), BoardFrames.show(s, new DisplayContent(List.of(c), null)));
    }

    @Test
    void anAsciiBoardGetsCyrillicTransliterated() {
        BoardFrames.Settings s = BoardFrames.settings(33, 11, "ascii", false, 1, false);
        Call c = new Call("Б012", "4", "Окно 4", "Окно 4");
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/cyrillic-ascii.hex"), BoardFrames.show(s, new DisplayContent(List.of(c), null)));
    }

    @Test
    void lettersTheCodePageLacksAreTransliterated() {
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/polish-cp1251.hex"),
                BoardFrames.show(counter(4, "cp1251"), new DisplayContent(List.of(new Call("Ż12", "3", null, "3")), null)));
        assertEquals("Lodz ZH", BoardFrames.board("Łódź Ж", java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void noControlByteGetsIntoTheText() {
        byte[] f = BoardFrames.show(counter(6, "cp1251"), new DisplayContent(List.of(new Call("A\u0007\u00011", "3", null, "3")), null));
        assertArrayEquals(new byte[] {1, 32, ' ', ' ', 'A', ' ', ' ', '1', 7}, f);
    }

    @Test
    void blinkByteVariantBlinksTheNewCall() {
        BoardFrames.Settings s = BoardFrames.settings(32, 4, "cp1251", true, 1, true);
        assertArrayEquals(GoldenBytes.read(BoardFramesTest.class, "/frames/blink-byte.hex"), BoardFrames.show(s, new DisplayContent(List.of(A001), A001)));
        assertEquals(BoardFrames.STEADY, BoardFrames.show(s, new DisplayContent(List.of(A001), null))[2]);
    }

    @Test
    void settingsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoardFrames.settings(0, 4, "cp1251", true, 1, false)).getMessage()
                .startsWith("address must be 1 to 255"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoardFrames.settings(32, 4, "utf-8", true, 1, false)).getMessage()
                .contains("one-byte code page"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoardFrames.settings(32, 4, "klingon", true, 1, false)).getMessage()
                .contains("not known"));
        assertEquals("windows-1251", BoardFrames.charset("cp1251").name());
        assertEquals("IBM866", BoardFrames.charset("cp866").name());
    }
}
