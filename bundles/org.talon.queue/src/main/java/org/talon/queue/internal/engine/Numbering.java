package org.talon.queue.internal.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Daily ticket numbers per prefix: A001, A002, ... restarting at the first ticket issued after
 * midnight in the branch's time zone. The business day is the calendar date in that zone, so
 * daylight saving changes (a 23- or 25-hour day) never restart or skip a number.
 */
public final class Numbering {
    private final ZoneId zone;
    private final Map<String, Integer> last = new HashMap<>();
    private LocalDate day;

    public Numbering(ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate dayOf(Instant time) {
        return LocalDate.ofInstant(time, zone);
    }

    /** Tells the numbering a number already used on that day (when loading stored tickets). */
    public void used(LocalDate usedDay, String prefix, int number) {
        if (day == null || usedDay.isAfter(day)) {
            day = usedDay;
            last.clear();
        }
        if (usedDay.equals(day)) {
            last.merge(prefix, number, Math::max);
        }
    }

    /** The next number for a prefix at the given time. */
    public int next(String prefix, Instant time) {
        LocalDate d = dayOf(time);
        if (day == null || d.isAfter(day)) {
            day = d;
            last.clear();
        }
        // A clock set back across midnight keeps counting on the later day: numbers never repeat.
        return last.merge(prefix, 1, Integer::sum);
    }

    /** Undoes {@link #next} when the command that took the number is dropped. */
    public void giveBack(String prefix, int number) {
        last.computeIfPresent(prefix, (k, v) -> v == number ? v - 1 : v);
    }

    public LocalDate day() {
        return day;
    }

    public static String format(String prefix, int number) {
        return prefix + (number < 1000 ? String.format("%03d", number) : Integer.toString(number));
    }
}
