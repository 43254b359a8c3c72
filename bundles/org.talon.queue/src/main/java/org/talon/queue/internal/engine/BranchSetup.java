package org.talon.queue.internal.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talon.queue.api.Branch;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.Service;
import org.talon.queue.api.WorkProfile;

/**
 * How a branch is set up: its services, queues, counters and work profiles, as configured.
 * Immutable; a configuration change makes a new one.
 */
public record BranchSetup(Branch branch, Map<String, Service> services, Map<String, List<String>> queues,
        Map<String, CounterSetup> counters, Map<String, WorkProfile> profiles,
        Map<PriorityClass, Duration> headStarts) {

    /** A counter as configured: its name, and its name per language where one is given. */
    public record CounterSetup(String id, String name, Map<String, String> names, String profile) {
        public CounterSetup {
            names = Map.copyOf(names);
        }

        public CounterSetup(String id, String name, String profile) {
            this(id, name, Map.of(), profile);
        }
    }

    public BranchSetup {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        EnumMap<PriorityClass, Duration> h = new EnumMap<>(PriorityClass.class);
        for (PriorityClass c : PriorityClass.values()) {
            h.put(c, headStarts.getOrDefault(c, Duration.ZERO));
        }
        headStarts = h;
    }

    public String id() {
        return branch.id();
    }

    public Duration headStart(PriorityClass c) {
        return headStarts.get(c);
    }
}
