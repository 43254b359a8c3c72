package org.talon.web.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} wrong passwords in a row for one
 * user from one address, that pair waits before its next try, 30 s at first and twice as long
 * after each further failure, at most 15 min; a right password clears it, and so do
 * {@value #FORGET_MINUTES} minutes without a try. Keyed by user and address together, so a
 * stranger guessing elsewhere cannot lock a colleague out at their own counter (behind a proxy
 * every client has the proxy's address: see docs/admin.md).
 *
 * <p>A try is counted as failed when it starts ({@link #attempt}) and cleared when it succeeds,
 * so many guesses sent at the same moment cannot all pass the check before any is counted.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final long FIRST_WAIT_MILLIS = 30_000;
    static final long MAX_WAIT_MILLIS = 15 * 60_000;
    static final long FORGET_MINUTES = 15;
    /** Pairs remembered at once; beyond, those whose wait is over are forgotten first. */
    static final int MAX = 100_000;

    private record Entry(int failures, long until, long last) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    static String key(String user, String address) {
        return user.strip().toLowerCase(java.util.Locale.ROOT) + "|" + (address == null ? "" : address);
    }

    /**
     * Starts a try: 0 when it may go ahead (it counts as failed until {@link #succeeded}), else
     * the seconds this pair still waits (the try is refused and not counted).
     */
    long attempt(String key, long now) {
        if (entries.size() >= MAX) entries.values().removeIf(e -> e.until <= now && now - e.last > FORGET_MINUTES * 60_000);
        long[] wait = {0};
        entries.compute(key, (k, e) -> {
            if (e != null && e.until > now) {
                wait[0] = Math.max(1, (e.until - now + 999) / 1000);
                return e;
            }
            int failures = e == null || now - e.last > FORGET_MINUTES * 60_000 ? 1 : e.failures + 1;
            long until = 0;
            if (failures >= FREE_FAILURES) {
                int doublings = Math.min(failures - FREE_FAILURES, 10);
                until = now + Math.min(MAX_WAIT_MILLIS, FIRST_WAIT_MILLIS << doublings);
            }
            return new Entry(failures, until, now);
        });
        return wait[0];
    }

    /** Seconds this pair waits now before its next try; 0 when it may try. */
    long waitSeconds(String key, long now) {
        Entry e = entries.get(key);
        if (e == null || e.until <= now) return 0;
        return Math.max(1, (e.until - now + 999) / 1000);
    }

    void succeeded(String key) {
        entries.remove(key);
    }
}
