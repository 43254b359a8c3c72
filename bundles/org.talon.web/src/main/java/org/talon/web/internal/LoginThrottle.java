package org.talon.web.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} wrong passwords in a row for one
 * user from one address, that pair waits before its next try, 30 s at first and twice as long
 * after each further failure, at most 15 min; a right password clears it. Keyed by user and
 * address together, so a stranger guessing cannot lock a colleague out at their own counter.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final long FIRST_WAIT_MILLIS = 30_000;
    static final long MAX_WAIT_MILLIS = 15 * 60_000;
    /** Pairs remembered at once; beyond, those whose wait is over are forgotten first. */
    static final int MAX = 100_000;

    private record Entry(int failures, long until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    static String key(String user, String address) {
        return user.strip().toLowerCase(java.util.Locale.ROOT) + "|" + (address == null ? "" : address);
    }

    /** Seconds to wait before this pair may try again; 0 when it may try now. */
    long waitSeconds(String key, long now) {
        Entry e = entries.get(key);
        if (e == null || e.until <= now) return 0;
        return Math.max(1, (e.until - now + 999) / 1000);
    }

    void failed(String key, long now) {
        if (entries.size() >= MAX) entries.values().removeIf(e -> e.until <= now);
        entries.compute(key, (k, e) -> {
            int failures = e == null ? 1 : e.failures + 1;
            long until = 0;
            if (failures >= FREE_FAILURES) {
                int doublings = Math.min(failures - FREE_FAILURES, 10);
                until = now + Math.min(MAX_WAIT_MILLIS, FIRST_WAIT_MILLIS << doublings);
            }
            return new Entry(failures, until);
        });
    }

    void succeeded(String key) {
        entries.remove(key);
    }
}
