package org.talon.workflow.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key (a contact, a code) in a sliding period: what keeps the
 * public request routes from being used to flood a branch or to guess contacts.
 */
final class Throttle {
    private final int limit;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    Throttle(int limit, Duration period, Clock clock) {
        this.limit = limit;
        this.period = period;
        this.clock = clock;
    }

    /** Counts an attempt; false when the key had its {@code limit} attempts in the period already (this one is not counted). */
    boolean attempt(String key) {
        Instant now = clock.instant();
        if (attempts.size() > 10_000) prune(now);
        Deque<Instant> d = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(period))) d.pollFirst();
            if (d.size() >= limit) return false;
            d.addLast(now);
            return true;
        }
    }

    /** Whether the key may try now, without counting. */
    boolean allows(String key) {
        Deque<Instant> d = attempts.get(key);
        if (d == null) return true;
        Instant now = clock.instant();
        synchronized (d) {
            while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(period))) d.pollFirst();
            return d.size() < limit;
        }
    }

    private void prune(Instant now) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = attempts.entrySet().iterator(); it.hasNext();) {
            Deque<Instant> d = it.next().getValue();
            synchronized (d) {
                if (d.isEmpty() || !d.peekLast().isAfter(now.minus(period))) it.remove();
            }
        }
    }
}
