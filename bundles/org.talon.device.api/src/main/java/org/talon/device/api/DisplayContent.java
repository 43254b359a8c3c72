package org.talon.device.api;

import java.util.List;
import java.util.Objects;

/**
 * What a display shows: the tickets called now, newest first (for a counter display, at most its
 * own counter's one; for a hall board, one per counter), and the call that caused this change,
 * if one did, so that a driver can flash it or sound its chime.
 *
 * @param calls the tickets to show, newest first; empty to show nothing
 * @param alert the call just made or repeated, also in {@code calls}; {@code null} when the change is not a call
 */
public record DisplayContent(List<Call> calls, Call alert) {

    /**
     * One called ticket.
     *
     * @param number      the ticket's number, e.g. {@code A001}
     * @param counter     the counter's id
     * @param counterName the counter's name for people, e.g. {@code Window 3} (the counter id when none is configured)
     * @param counterLabel what a board shows for the counter when it has room for little, e.g. {@code 3}
     */
    public record Call(String number, String counter, String counterName, String counterLabel) {
        public Call {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(counter, "counter");
            counterName = counterName == null ? counter : counterName;
            counterLabel = counterLabel == null ? counter : counterLabel;
        }
    }

    public DisplayContent {
        calls = List.copyOf(calls);
    }

    /** Nothing to show. */
    public static DisplayContent empty() {
        return new DisplayContent(List.of(), null);
    }
}
