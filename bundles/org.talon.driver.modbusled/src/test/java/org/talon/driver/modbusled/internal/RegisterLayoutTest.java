package org.talon.driver.modbusled.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;

class RegisterLayoutTest {
    private static DisplayContent showing(String number) {
        return new DisplayContent(List.of(new Call(number, "1", null, "1")), null);
    }

    @Test
    void asciiIsOneRegisterACharacterRightAligned() {
        assertArrayEquals(new int[] {'A', '0', '0', '1'}, RegisterLayout.of("ascii", 4, 15).values(showing("A001")));
        assertArrayEquals(new int[] {' ', ' ', 'A', '7'}, RegisterLayout.of("ascii", 4, 15).values(showing("A7")));
        assertArrayEquals(new int[] {'0', '0', '1'}, RegisterLayout.of("ascii", 3, 15).values(showing("A001")), "keeps the last places");
        assertArrayEquals(new int[] {' ', ' ', ' ', ' '}, RegisterLayout.of("ascii", 4, 15).values(DisplayContent.empty()));
    }

    @Test
    void digitsAreTheirValuesAndTheRestIsBlank() {
        assertArrayEquals(new int[] {15, 0, 1, 2}, RegisterLayout.of("digits", 4, 15).values(showing("A012")));
        assertArrayEquals(new int[] {0xFF, 0xFF, 0, 7}, RegisterLayout.of("bcd", 4, 0xFF).values(showing("07")));
    }

    @Test
    void numberIsTheDigitsAsOneRegister() {
        assertArrayEquals(new int[] {12}, RegisterLayout.of("number", 4, 15).values(showing("A012")));
        assertArrayEquals(new int[] {2345}, RegisterLayout.of("number", 6, 15).values(showing("B12345")), "four digits fit");
        assertArrayEquals(new int[] {0}, RegisterLayout.of("number", 4, 15).values(DisplayContent.empty()));
    }

    @Test
    void cyrillicTicketsAreTransliterated() {
        assertArrayEquals(new int[] {' ', 'B', '1', '2'}, RegisterLayout.of("ascii", 4, 15).values(showing("Б12")));
    }

    @Test
    void wrongSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RegisterLayout.of("hex", 4, 15));
        assertThrows(IllegalArgumentException.class, () -> RegisterLayout.of("ascii", 0, 15));
    }
}
