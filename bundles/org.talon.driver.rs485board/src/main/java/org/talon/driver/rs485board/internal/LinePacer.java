package org.talon.driver.rs485board.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces the frames on one RS-485 line: every board of the line is its own configuration, yet
 * after any frame the line is left alone for the sending board's pause, as QSystem sent its
 * boards' frames one at a time with 300 ms between them. A line is its port URI without the
 * settings after {@code ?}. Nothing sleeps: a board asks when it may write and schedules its write.
 */
final class LinePacer {
    private LinePacer() {
    }

    /** When each line is next free, in {@link System#nanoTime()}. */
    private static final ConcurrentHashMap<String, Long> FREE_AT = new ConcurrentHashMap<>();

    static String line(String port) {
        String p = port == null ? "" : port.strip();
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }

    /** Nanoseconds from {@code now} until the line is free (0: it is free now). */
    static long waitNanos(String line, long now) {
        Long free = FREE_AT.get(line);
        return free == null || free - now <= 0 ? 0 : free - now;
    }

    /**
     * Takes the line for a frame written now if it is free, keeping it for {@code pauseNanos}
     * after {@code now}; returns false, taking nothing, while another board's pause runs.
     */
    static boolean take(String line, long now, long pauseNanos) {
        boolean[] taken = new boolean[1];
        FREE_AT.compute(line, (k, free) -> {
            if (free != null && free - now > 0) return free;
            taken[0] = true;
            return now + pauseNanos;
        });
        return taken[0];
    }

    /** The frame just written ended at {@code now}: the line is free {@code pauseNanos} after it at the earliest. */
    static void written(String line, long now, long pauseNanos) {
        FREE_AT.merge(line, now + pauseNanos, (a, b) -> a - b > 0 ? a : b);
    }
}
