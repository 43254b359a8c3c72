package org.talon.queue.api.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A part of a day, from {@code start} up to (not including) {@code end}, in local time. An end
 * of {@link LocalTime#MAX} is midnight at the end of the day ({@code 24:00} when written).
 */
public record TimeRange(LocalTime start, LocalTime end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) throw new IllegalArgumentException("a time range ends after it starts: " + start + "-" + end);
    }

    /** Reads {@code 09:00-18:00} (and {@code 24:00} as the end of the day). */
    public static TimeRange parse(String text) {
        String t = text == null ? "" : text.strip();
        int dash = t.indexOf('-');
        if (dash < 0) throw new IllegalArgumentException("not a time range like 09:00-18:00: '" + t + "'");
        try {
            LocalTime s = LocalTime.parse(t.substring(0, dash).strip());
            String e = t.substring(dash + 1).strip();
            return new TimeRange(s, e.equals("24:00") ? LocalTime.MAX : LocalTime.parse(e));
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("not a time range like 09:00-18:00: '" + t + "'", ex);
        }
    }

    /** Whether the two ranges share a moment. */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
    }
}
