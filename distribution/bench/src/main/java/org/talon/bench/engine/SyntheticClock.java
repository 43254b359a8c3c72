package org.talon.bench.engine;

import java.time.Instant;

/**
 * Time for the benchmarks: moves a fixed step each time it is read. The engine takes the time
 * of every command as an argument, so no benchmark reads the system clock, and the business
 * day, the midnight restart of the numbers and the waits the call rules compare all follow
 * from the step.
 */
final class SyntheticClock {
    private final long stepSeconds;
    private long seconds;

    /** @param start the first {@link #tick()} returns {@code start} plus one step */
    SyntheticClock(Instant start, long stepSeconds) {
        this.seconds = start.getEpochSecond();
        this.stepSeconds = stepSeconds;
    }

    /** Moves one step and returns the new time. */
    Instant tick() {
        seconds += stepSeconds;
        return Instant.ofEpochSecond(seconds);
    }
}
