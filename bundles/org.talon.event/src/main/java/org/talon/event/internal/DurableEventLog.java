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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;
import org.talon.event.api.EventLog;

/** The event log: one writer per branch over a durable store, and ordered delivery to listeners. */
@Component(service = EventLog.class, configurationPid = "org.talon.event")
@Designate(ocd = DurableEventLog.Config.class)
public final class DurableEventLog implements EventLog {

    @ObjectClassDefinition(name = "Talon event log", description = "How each branch's writer groups commands into commits")
    public @interface Config {
        @AttributeDefinition(name = "Linger (microseconds)", description = "Under concurrent load, how long a group of"
                + " commands may wait for the commands that usually come with it before it commits; 0 commits at once")
        long lingerMicros() default 100;
    }

    private final EventStore store;
    private final Clock clock;
    private final Map<String, BranchWriter> writers = new ConcurrentHashMap<>();
    private final ListenerDelivery delivery = new ListenerDelivery();
    private volatile boolean active = true;

    private final long lingerMicros;

    @Activate
    public DurableEventLog(@Reference EventStore store, Config config) {
        this(store, Clock.systemUTC(), config.lingerMicros());
    }

    DurableEventLog(EventStore store, Clock clock) {
        this(store, clock, 0);
    }

    DurableEventLog(EventStore store, Clock clock, long lingerMicros) {
        this.store = store;
        this.clock = clock;
        this.lingerMicros = lingerMicros;
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
            BranchWriter w = new BranchWriter(b, store, clock, delivery::publish, lingerMicros);
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

    /** How often the branch's writer split a refused group (for tests). */
    int writerIsolations(String branch) {
        BranchWriter w = writers.get(branch);
        return w == null ? 0 : w.isolations;
    }

    @Override
    public long lastSequence(String branch) {
        BranchWriter w = writers.get(branch);
        return w != null ? w.lastSequence() : store.lastSequence(branch);
    }
}
