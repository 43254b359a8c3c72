package org.talon.queue.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A stretch of time in which the branch is open, as moments in its zone: on the days the clocks
 * change it is as long as the clocks say, not as the hours read (09:00 to 18:00 is nine hours
 * on such a day too, but 00:00 to 06:00 is five or seven).
 */
public record OpenPeriod(ZonedDateTime start, ZonedDateTime end) {
    public OpenPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.toInstant().isAfter(start.toInstant())) throw new IllegalArgumentException("an open period ends after it starts");
    }

    public Duration length() {
        return Duration.between(start.toInstant(), end.toInstant());
    }

    /** Whether the moment lies in it (its start included, its end not). */
    public boolean contains(Instant t) {
        return !t.isBefore(start.toInstant()) && t.isBefore(end.toInstant());
    }
}
