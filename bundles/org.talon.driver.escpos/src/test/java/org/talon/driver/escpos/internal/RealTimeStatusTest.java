package org.talon.driver.escpos.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talon.device.api.DeviceStatus;

class RealTimeStatusTest {

    @Test
    void theQueryIsDleEotOneToFour() {
        assertArrayEquals(GoldenBytes.read(RealTimeStatusTest.class, "status-query.hex"), RealTimeStatus.query());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"online, ONLINE, ''", "drawer-high, ONLINE, ''", "near-end, PAPER_LOW, paper near end",
            "paper-out, PAPER_OUT, 'paper end: no paper'", "cover-open, COVER_OPEN, cover open",
            "autocutter, ERROR, autocutter error (paper jam?)", "offline, ERROR, printer offline"})
    void theAnswerBytesSayTheStatus(String file, DeviceStatus.State state, String reason) {
        RealTimeStatus.Reply reply = new RealTimeStatus.Reply();
        assertTrue(reply.add(GoldenBytes.read(RealTimeStatusTest.class, "status-" + file + ".hex")));
        assertEquals(new DeviceStatus(state, reason), reply.status());
    }

    @Test
    void printingStoppedAtAPaperEndIsPaperOutEvenIfTheSensorSaysOtherwise() {
        assertEquals(DeviceStatus.State.PAPER_OUT, RealTimeStatus.of(0x1A, 0x32, 0x12, 0x12).state());
    }

    @Test
    void anOpenCoverComesBeforeThePaperSensorsItMakesUnreliable() {
        assertEquals(DeviceStatus.State.COVER_OPEN, RealTimeStatus.of(0x1A, 0x36, 0x12, 0x7E).state());
    }

    @Test
    void theFeedButtonAndAnOverheatedHeadAreErrorsWithTheirReason() {
        assertEquals(DeviceStatus.error("printer offline: paper being fed with the FEED button"), RealTimeStatus.of(0x1A, 0x1A, 0x12, 0x12));
        assertEquals(DeviceStatus.error("print head too hot, or the cover was opened while printing"),
                RealTimeStatus.of(0x1A, 0x52, 0x52, 0x12));
    }

    @Test
    void bytesThatCannotBeStatusAnswersAreIgnoredAndPiecesAdd() {
        RealTimeStatus.Reply reply = new RealTimeStatus.Reply();
        assertFalse(reply.add(GoldenBytes.parse("11 12"))); // XON, then n=1
        assertFalse(reply.add(GoldenBytes.parse("13 12 FF"))); // XOFF, n=2, a byte with bit 7
        assertFalse(reply.add(GoldenBytes.parse("00 12"))); // an ASB-like zero, n=3
        assertTrue(reply.add(GoldenBytes.parse("1E 12"))); // n=4 near end; the rest is not taken
        assertEquals(DeviceStatus.State.PAPER_LOW, reply.status().state());
        assertFalse(RealTimeStatus.isReplyByte(0x11));
        assertFalse(RealTimeStatus.isReplyByte(0x13));
        assertTrue(RealTimeStatus.isReplyByte(0x7E));
    }
}
