package org.talon.notify.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An appointment as the recipient's calendar should show it: an e-mail carries it as an
 * {@code invite.ics} attachment (iCalendar, {@code METHOD:REQUEST}, or {@code METHOD:CANCEL} when
 * {@code cancelled}). A later entry with the same {@code uid} and a higher {@code sequence} updates
 * the one the calendar has (a rescheduled booking).
 *
 * @param uid         stays the same for one appointment across updates, e.g. {@code booking-42@talon}
 * @param sequence    0 for the first invitation, one more for each update
 * @param start       when it starts
 * @param end         when it ends (after {@code start})
 * @param summary     the title, e.g. "Appointment: General enquiries"
 * @param location    where, e.g. the branch's name and address; may be {@code null}
 * @param description more text, e.g. the booking code and how to check in; may be {@code null}
 * @param cancelled   whether the appointment is cancelled
 */
public record CalendarEntry(String uid, int sequence, Instant start, Instant end, String summary, String location,
        String description, boolean cancelled) {
    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        if (uid.isBlank()) throw new IllegalArgumentException("a calendar entry needs a uid");
        if (sequence < 0) throw new IllegalArgumentException("a calendar entry's sequence is 0 or more");
        if (!end.isAfter(start)) throw new IllegalArgumentException("a calendar entry ends after it starts");
    }
}
