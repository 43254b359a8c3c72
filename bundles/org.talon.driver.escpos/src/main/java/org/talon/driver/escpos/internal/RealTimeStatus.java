package org.talon.driver.escpos.internal;

import org.talon.device.api.DeviceStatus;

/**
 * The printer's real-time status (DLE EOT n): the query Talon sends and what the four answer bytes mean, as
 * Epson's ESC/POS reference gives them for the TM-T88 and TM-T20 (the compatibles answer the same bits):
 * <ul>
 * <li>n = 1, printer status: bit 3 offline;</li>
 * <li>n = 2, offline cause: bit 2 cover open, bit 3 paper being fed with the FEED button, bit 5 printing stopped at
 *     a paper end, bit 6 an error occurred;</li>
 * <li>n = 3, error cause: bit 3 autocutter error, bit 5 unrecoverable error, bit 6 automatically recoverable error
 *     (print head too hot, or the cover opened while printing);</li>
 * <li>n = 4, roll paper sensor: bits 2 and 3 paper near end, bits 5 and 6 paper end (no paper).</li>
 * </ul>
 * Every answer byte has bit 1 and bit 4 on and bits 0 and 7 off ({@code 0xx1xx10}), which tells it from the
 * other bytes a printer may send (XON 0x11, XOFF 0x13, automatic status back); other bytes are ignored.
 */
final class RealTimeStatus {
    private static final byte[] QUERY = new EscPos.Bytes().add(EscPos.realTimeStatus(1)).add(EscPos.realTimeStatus(2))
            .add(EscPos.realTimeStatus(3)).add(EscPos.realTimeStatus(4)).toArray();
    /** The bytes of the answer to {@link #query()}, one per DLE EOT, in order. */
    static final int REPLY_LENGTH = 4;

    private RealTimeStatus() {
    }

    /** DLE EOT 1, 2, 3, 4 in one write (Epson allows up to four in a row before the answers come). */
    static byte[] query() {
        return QUERY.clone();
    }

    /** Whether {@code b} can be an answer to DLE EOT: the fixed bits {@code 0xx1xx10}. */
    static boolean isReplyByte(int b) {
        return (b & 0x93) == 0x12;
    }

    /**
     * What the four answer bytes say, the cause that stops printing first: an open cover (with the cover open the
     * paper sensors may be wrong), no paper, an error, offline for another reason; else paper near end, or online.
     */
    static DeviceStatus of(int printer, int offlineCause, int errorCause, int paper) {
        if ((offlineCause & 0x04) != 0) return new DeviceStatus(DeviceStatus.State.COVER_OPEN, "cover open");
        if ((paper & 0x60) != 0) return new DeviceStatus(DeviceStatus.State.PAPER_OUT, "paper end: no paper");
        if ((offlineCause & 0x20) != 0) return new DeviceStatus(DeviceStatus.State.PAPER_OUT, "printing stopped at a paper end");
        if ((errorCause & 0x08) != 0) return DeviceStatus.error("autocutter error (paper jam?)");
        if ((errorCause & 0x20) != 0) return DeviceStatus.error("unrecoverable printer error: switch the printer off");
        if ((errorCause & 0x40) != 0) return DeviceStatus.error("print head too hot, or the cover was opened while printing");
        if ((offlineCause & 0x40) != 0) return DeviceStatus.error("printer error");
        if ((offlineCause & 0x08) != 0) return DeviceStatus.error("printer offline: paper being fed with the FEED button");
        if ((printer & 0x08) != 0) return DeviceStatus.error("printer offline");
        if ((paper & 0x0C) != 0) return new DeviceStatus(DeviceStatus.State.PAPER_LOW, "paper near end");
        return DeviceStatus.online();
    }

    /** The answer bytes as they arrive, in pieces. */
    static final class Reply {
        private final int[] bytes = new int[REPLY_LENGTH];
        private int count;

        /** Takes the answer bytes among {@code chunk}; returns whether the answer is complete. */
        boolean add(byte[] chunk) {
            for (byte b : chunk) {
                if (count == REPLY_LENGTH) break;
                if (isReplyByte(b & 0xFF)) bytes[count++] = b & 0xFF;
            }
            return count == REPLY_LENGTH;
        }

        DeviceStatus status() {
            if (count < REPLY_LENGTH) throw new IllegalStateException("the answer has " + count + " of " + REPLY_LENGTH + " bytes");
            return of(bytes[0], bytes[1], bytes[2], bytes[3]);
        }
    }
}
