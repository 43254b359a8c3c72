package org.talon.queue.internal.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The wait estimator: a live mean service time per queue (an exponentially weighted mean of the
 * last services, starting from the configured expected service time) and the estimates made
 * from it.
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

    /**
     * The wait estimate of a ticket at 1-based {@code position} in a queue's line with
     * {@code openCounters} calling from it: those before it, served {@code openCounters} at a
     * time; {@code null} while no counter calls the queue (no estimate can be given).
     */
    public Duration estimate(String queue, int position, int openCounters) {
        return estimate(mean(queue), position, openCounters);
    }

    /** The estimate of a ticket waiting for one counter or one operator: those before it, one at a time. */
    public Duration estimateDirected(String queue, int position) {
        return estimateDirected(mean(queue), position);
    }

    /** {@link #estimate(String, int, int)} from a mean service time. */
    static Duration estimate(Duration mean, int position, int openCounters) {
        if (openCounters <= 0) return null;
        return mean.multipliedBy(Math.max(0, position - 1)).dividedBy(openCounters);
    }

    /** {@link #estimateDirected(String, int)} from a mean service time. */
    static Duration estimateDirected(Duration mean, int position) {
        return mean.multipliedBy(Math.max(0, position - 1));
    }

    /** The mean service time of every queue known now. */
    Map<String, Duration> means() {
        Map<String, Duration> out = new HashMap<>();
        for (String q : meanSeconds.keySet()) out.put(q, mean(q));
        return out;
    }
}
