package org.talon.queue.internal.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Live mean service time per queue: an exponentially weighted mean of the last services,
 * starting from the configured expected service time.
 */
public final class ServiceTimes {
    static final double WEIGHT = 0.2;
    private final Map<String, Double> meanSeconds = new HashMap<>();

    public void expect(String queue, Duration expected) {
        meanSeconds.putIfAbsent(queue, (double) expected.toSeconds());
    }

    public void observe(String queue, Duration took) {
        double s = Math.max(0, took.toMillis() / 1000.0);
        meanSeconds.merge(queue, s, (old, now) -> old + WEIGHT * (now - old));
    }

    public Duration mean(String queue) {
        Double s = meanSeconds.get(queue);
        return s == null ? Duration.ZERO : Duration.ofMillis(Math.round(s * 1000));
    }
}
