package org.talon.queue.internal.engine;

import java.util.HashMap;
import java.util.Map;
import org.talon.queue.api.CounterState;

/** A counter as the engine holds it. Only the branch's writer touches it. */
public final class LiveCounter {
    public final String id;
    public String name;
    public String profile;
    public CounterState state = CounterState.CLOSED;
    public String operator;
    public LiveTicket current;
    /** Tickets transferred to this counter. */
    final Line transfers;
    /** Weighted profiles: how many were called per queue in the current round. */
    final Map<String, Integer> round = new HashMap<>();

    public LiveCounter(String id, String name, String profile) {
        this.id = id;
        this.name = name;
        this.profile = profile;
        this.transfers = new Line("counter:" + id);
    }
}
