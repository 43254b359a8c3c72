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
import org.talon.event.api.DurableSubscriber;
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
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DurableEventLog.class.getName());
    private final ListenerDelivery delivery = new ListenerDelivery();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
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
        delivery.add(new ListenerDelivery.Registration(l, (String) props.get(EventListener.BRANCH), types(props)));
    }

    void removeListener(EventListener l) {
        delivery.remove(l);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSubscriber(DurableSubscriber s, Map<String, Object> props) {
        Object name = props.get(DurableSubscriber.NAME);
        if (!(name instanceof String n) || n.isBlank() || n.length() > 200) {
            LOG.severe("A durable subscriber without a name of 1 to 200 characters (service property " + DurableSubscriber.NAME
                    + ") is not started: " + s);
            return;
        }
        Subscription sub = new Subscription(n, s, (String) props.get(EventListener.BRANCH), types(props),
                "end".equals(props.get(DurableSubscriber.FROM)), store);
        if (subscriptions.putIfAbsent(n, sub) != null) {
            LOG.severe("Two durable subscribers are named " + n + "; the second is not started: " + s);
            return;
        }
        if (active) sub.start();
    }

    void removeSubscriber(DurableSubscriber s) {
        subscriptions.values().removeIf(sub -> {
            if (sub.subscriber != s) return false;
            sub.stop(10_000);
            return true;
        });
    }

    private static HashSet<String> types(Map<String, Object> props) {
        Object types = props.get(EventListener.TYPES);
        if (types instanceof String s) return new HashSet<>(List.of(s.split("\\s*,\\s*")));
        if (types instanceof String[] a) return new HashSet<>(Arrays.asList(a));
        return null;
    }

    /** A group committed: listeners hear of it, subscribers read it. */
    private void committed(List<DomainEvent> events) {
        delivery.publish(events);
        if (events.isEmpty()) return;
        String branch = events.get(0).branch();
        for (Subscription sub : subscriptions.values()) sub.wake(branch);
    }

    @Override
    public List<org.talon.event.api.SubscriberStatus> subscribers() {
        List<org.talon.event.api.SubscriberStatus> out = new java.util.ArrayList<>();
        for (Subscription sub : new java.util.TreeMap<>(subscriptions).values()) {
            for (Map.Entry<String, Long> p : new java.util.TreeMap<>(sub.positions()).entrySet()) {
                long behind = Math.max(0, lastSequence(p.getKey()) - p.getValue());
                out.add(new Status(sub.name, p.getKey(), p.getValue(), behind, sub.lastError));
            }
        }
        return out;
    }

    private record Status(String name, String branch, long position, long behind, String problem)
            implements org.talon.event.api.SubscriberStatus {
    }

    /** A subscriber's reached positions per branch (for tests and status), empty when it is not running. */
    Map<String, Long> positions(String subscriber) {
        Subscription sub = subscriptions.get(subscriber);
        return sub == null ? Map.of() : sub.positions();
    }

    @Deactivate
    void deactivate() {
        active = false;
        writers.values().forEach(w -> w.stop(10_000));
        writers.clear();
        delivery.stop();
        subscriptions.values().forEach(sub -> sub.stop(10_000));
        subscriptions.clear();
    }

    private BranchWriter writer(String branch) {
        return writers.computeIfAbsent(branch, b -> {
            BranchWriter w = new BranchWriter(b, store, clock, this::committed, lingerMicros);
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
