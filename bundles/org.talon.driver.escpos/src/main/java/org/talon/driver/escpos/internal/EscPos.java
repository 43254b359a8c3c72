package org.talon.driver.escpos.internal;

/**
 * The ESC/POS commands Talon sends, as bytes, named as in Epson's ESC/POS Command Reference.
 * Pure functions; the sources of every byte are listed in the README ("Protocol notes").
 */
final class EscPos {
    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    /** QR code error correction level M (GS ( k, function 169: 48 L, 49 M, 50 Q, 51 H). */
    static final int QR_ERROR_CORRECTION_M = 49;
    /** The most QR data bytes one "store" command (GS ( k, function 180) takes: (pL + pH × 256) - 3 ≤ 7089. */
    static final int QR_MAX_DATA = 7089;

    private EscPos() {
    }

    /** ESC @: initialise the printer (clears the print buffer, resets modes; the code table goes back to its default). */
    static byte[] initialize() {
        return new byte[] {ESC, '@'};
    }

    /** ESC a n: justification, 0 left, 1 centred, 2 right (only at the beginning of a line). */
    static byte[] justify(int n) {
        return new byte[] {ESC, 'a', (byte) n};
    }

    /** ESC E n: emphasized (bold) on or off. */
    static byte[] bold(boolean on) {
        return new byte[] {ESC, 'E', (byte) (on ? 1 : 0)};
    }

    /** GS ! n: character size, bits 4-7 width - 1, bits 0-3 height - 1 (1 to 8 each). */
    static byte[] size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) throw new IllegalArgumentException("size " + width + "x" + height);
        return new byte[] {GS, '!', (byte) ((width - 1) << 4 | (height - 1))};
    }

    /** ESC t n: select character code table n. */
    static byte[] codeTable(int n) {
        return new byte[] {ESC, 't', (byte) n};
    }

    /**
     * The QR code of {@code data}, printed with the printer's own encoder (GS ( k, cn = 49): function 165 model 2,
     * 167 module size, 169 error correction, 180 store the data, 181 print the stored symbol.
     */
    static byte[] qrCode(byte[] data, int moduleSize, int errorCorrection) {
        if (data.length == 0 || data.length > QR_MAX_DATA) throw new IllegalArgumentException("QR data of " + data.length + " bytes");
        if (moduleSize < 1 || moduleSize > 16) throw new IllegalArgumentException("QR module size " + moduleSize);
        Bytes b = new Bytes();
        b.add(GS, '(', 'k', 4, 0, 49, 65, 50, 0); // function 165: model 2
        b.add(GS, '(', 'k', 3, 0, 49, 67, moduleSize); // function 167: module size in dots
        b.add(GS, '(', 'k', 3, 0, 49, 69, errorCorrection); // function 169: error correction level
        int p = data.length + 3;
        b.add(GS, '(', 'k', p & 0xFF, p >> 8, 49, 80, 48); // function 180: store data (m = 48)
        b.add(data);
        b.add(GS, '(', 'k', 3, 0, 49, 81, 48); // function 181: print the symbol (m = 48)
        return b.toArray();
    }

    /** GS V m n with m = 66: feed to the cutting position (+ n × vertical motion unit) and cut partially (one point left). */
    static byte[] feedAndPartialCut(int n) {
        return new byte[] {GS, 'V', 66, (byte) n};
    }

    /** GS V m n with m = 65: feed to the cutting position (+ n × vertical motion unit) and cut fully. */
    static byte[] feedAndFullCut(int n) {
        return new byte[] {GS, 'V', 65, (byte) n};
    }

    /** GS V 1: partial cut where the paper is now. */
    static byte[] partialCut() {
        return new byte[] {GS, 'V', 1};
    }

    /** GS V 0: full cut where the paper is now. */
    static byte[] fullCut() {
        return new byte[] {GS, 'V', 0};
    }

    /** DLE EOT n: transmit real-time status n (1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor). */
    static byte[] realTimeStatus(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** A growing byte array. */
    static final class Bytes {
        private byte[] buf = new byte[256];
        private int size;

        Bytes add(int... values) {
            for (int v : values) {
                if (v < 0 || v > 255) throw new IllegalArgumentException("not a byte: " + v);
                put((byte) v);
            }
            return this;
        }

        Bytes add(byte[] bytes) {
            for (byte v : bytes) put(v);
            return this;
        }

        private void put(byte v) {
            if (size == buf.length) buf = java.util.Arrays.copyOf(buf, size * 2);
            buf[size++] = v;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }
}
