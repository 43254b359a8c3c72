package org.talon.event.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;
import org.talon.event.api.EventLog;

/** The event log: one writer per branch over a durable store, and ordered delivery to listeners. */
@Component(service = EventLog.class)
public final class DurableEventLog implements EventLog {
    private final EventStore store;
    private final Clock clock;
    private final Map<String, BranchWriter> writers = new ConcurrentHashMap<>();
    private final ListenerDelivery delivery = new ListenerDelivery();
    private volatile boolean active = true;

    @Activate
    public DurableEventLog(@Reference EventStore store) {
        this(store, Clock.systemUTC());
    }

    DurableEventLog(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(EventListener l, Map<String, Object> props) {
        Object types = props.get(EventListener.TYPES);
        HashSet<String> set = null;
        if (types instanceof String s) set = new HashSet<>(List.of(s.split("\\s*,\\s*")));
        else if (types instanceof String[] a) set = new HashSet<>(Arrays.asList(a));
        delivery.add(new ListenerDelivery.Registration(l, (String) props.get(EventListener.BRANCH), set));
    }

    void removeListener(EventListener l) {
        delivery.remove(l);
    }

    @Deactivate
    void deactivate() {
        active = false;
        writers.values().forEach(w -> w.stop(10_000));
        writers.clear();
        delivery.stop();
    }

    private BranchWriter writer(String branch) {
        return writers.computeIfAbsent(branch, b -> {
            BranchWriter w = new BranchWriter(b, store, clock, delivery::publish);
            w.start();
            return w;
        });
    }

    @Override
    public <T> CompletionStage<T> submit(String branch, BranchCommand<T> command) {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(command, "command");
        if (!active) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new org.talon.event.api.StorageUnavailableException("The event log is stopping", null));
        }
        return writer(branch).submit(command);
    }

    @Override
    public List<DomainEvent> read(String branch, long afterSequence, int max) {
        return store.read(branch, afterSequence, max);
    }

    @Override
    public long lastSequence(String branch) {
        BranchWriter w = writers.get(branch);
        return w != null ? w.lastSequence() : store.lastSequence(branch);
    }
}
