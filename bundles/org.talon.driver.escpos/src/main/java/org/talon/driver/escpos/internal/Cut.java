package org.talon.driver.escpos.internal;

import java.util.Locale;

/** How a ticket is cut off the roll. */
enum Cut {
    /** One point left uncut, so the ticket hangs until taken (what kiosks use). */
    PARTIAL("partial"),
    FULL("full"),
    /** No cutter: the customer tears it off. */
    NONE("none");

    final String id;

    Cut(String id) {
        this.id = id;
    }

    static Cut of(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Cut c : values()) {
            if (c.id.equals(s)) return c;
        }
        throw new IllegalArgumentException("unknown cut \"" + id + "\" (partial, full or none)");
    }

    /** The bytes that end a ticket: feed lines, then this cut as the model does it. */
    byte[] bytes(Model model, int feedLines) {
        EscPos.Bytes b = new EscPos.Bytes();
        for (int i = 0; i < feedLines; i++) b.add(EscPos.LF);
        switch (this) {
            case PARTIAL -> b.add(model.feedsToCutter ? EscPos.feedAndPartialCut(0) : EscPos.partialCut());
            case FULL -> b.add(model.feedsToCutter ? EscPos.feedAndFullCut(0) : EscPos.fullCut());
            case NONE -> { }
        }
        return b.toArray();
    }
}
