package org.talon.driver.escpos.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator is strict enough to catch a driver's mistakes. */
class EscPosEmulatorTest {

    @Test
    void aCommandTheDriverShouldNotSendIsAnError() {
        EscPosEmulator p = new EscPosEmulator();
        p.accept(GoldenBytes.parse("1B 40 1B 64 03")); // ESC d 3: valid ESC/POS, but not in the driver's set
        assertEquals("unknown command ESC 0x64 (at byte 2 of a write)", p.errors().get(0));
    }

    @Test
    void aCutOrAQrCodeInTheMiddleOfALineIsAnError() {
        EscPosEmulator p = new EscPosEmulator();
        p.accept(GoldenBytes.parse("\"abc\" 1D 56 42 00"));
        p.accept(GoldenBytes.parse("1D 28 6B 04 00 31 50 30 41 \"x\" 1D 28 6B 03 00 31 51 30"));
        assertEquals(2, p.errors().size(), p.errors().toString());
    }

    @Test
    void aTableThePrinterLacksIsAnError() {
        EscPosEmulator p = new EscPosEmulator();
        p.accept(GoldenBytes.parse("1B 74 07"));
        assertTrue(p.errors().get(0).startsWith("ESC t 7 is a table"), p.errors().toString());
    }

    @Test
    void commandsSplitAcrossWritesAreJoined() {
        EscPosEmulator p = new EscPosEmulator();
        assertEquals(0, p.accept(GoldenBytes.parse("1B 74")).length);
        p.accept(GoldenBytes.parse("11 8F A0 0A 10"));
        byte[] answer = p.accept(GoldenBytes.parse("04 04"));
        assertEquals(List.of("Па"), p.paper());
        assertEquals("12", GoldenBytes.format(answer));
        assertEquals(List.of(), p.errors());
    }

    @Test
    void statusAnswersComeFromTheSensors() {
        EscPosEmulator p = new EscPosEmulator().paperEnd(true);
        assertEquals(GoldenBytes.format(GoldenBytes.read(EscPosEmulatorTest.class, "status-paper-out.hex")), GoldenBytes.format(p.accept(RealTimeStatus.query())));
        p.paperEnd(false).coverOpen(true);
        assertEquals(GoldenBytes.format(GoldenBytes.read(EscPosEmulatorTest.class, "status-cover-open.hex")), GoldenBytes.format(p.accept(RealTimeStatus.query())));
        p.coverOpen(false).nearEnd(true);
        assertEquals(GoldenBytes.format(GoldenBytes.read(EscPosEmulatorTest.class, "status-near-end.hex")), GoldenBytes.format(p.accept(RealTimeStatus.query())));
        p.nearEnd(false).cutterError(true);
        assertEquals(GoldenBytes.format(GoldenBytes.read(EscPosEmulatorTest.class, "status-autocutter.hex")), GoldenBytes.format(p.accept(RealTimeStatus.query())));
        p.cutterError(false);
        assertEquals(GoldenBytes.format(GoldenBytes.read(EscPosEmulatorTest.class, "status-online.hex")), GoldenBytes.format(p.accept(RealTimeStatus.query())));
    }
}
