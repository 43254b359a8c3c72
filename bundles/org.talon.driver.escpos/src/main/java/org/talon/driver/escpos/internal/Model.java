package org.talon.driver.escpos.internal;

import java.util.Locale;

/** The printer models the driver knows, by what differs between them: the cut command and the line width. */
enum Model {
    /** Epson TM-T20 (I-III): 576 dots on 80 mm paper, 48 columns of font A (12 × 24 dots); GS V 65/66 n. */
    TM_T20("tm-t20", 48, true),
    /** Epson TM-T88 (III-VI): 512 dots on 80 mm paper, 42 columns of font A; GS V 65/66 n. */
    TM_T88("tm-t88", 42, true),
    /**
     * Any other ESC/POS printer (Xprinter, Bixolon, Citizen in ESC/POS mode, ...): 48 columns, and the cut that
     * every ESC/POS cutter knows, GS V 0 / GS V 1 (cuts where the paper is: feed lines must cover the distance from
     * the print head to the cutter).
     */
    GENERIC("generic", 48, false);

    final String id;
    final int columns;
    /** Whether it has GS V 65/66 n (feed to the cutting position, then cut). */
    final boolean feedsToCutter;

    Model(String id, int columns, boolean feedsToCutter) {
        this.id = id;
        this.columns = columns;
        this.feedsToCutter = feedsToCutter;
    }

    static Model of(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Model m : values()) {
            if (m.id.equals(s)) return m;
        }
        throw new IllegalArgumentException("unknown model \"" + id + "\" (tm-t20, tm-t88 or generic)");
    }
}
