package org.talon.event.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.DurableSubscriber;

/**
 * One durable subscriber: its own thread reads each branch's log from the subscriber's stored
 * position, hands the events to it in order in a transaction that also moves the position, and
 * then waits until a commit wakes it. Catching up and following live are the same loop, so the
 * subscriber never misses what was committed while it was away.
 */
final class Subscription implements Runnable {
    private static final Logger LOG = Logger.getLogger(Subscription.class.getName());
    /** Events handed to the subscriber in one transaction. */
    static final int BATCH = 200;
    static final long FIRST_RETRY_MILLIS = 1000;
    static final long LAST_RETRY_MILLIS = 60_000;

    final String name;
    final DurableSubscriber subscriber;
    private final String branchOnly;
    private final Set<String> types;
    private final boolean fromEnd;
    private final EventStore store;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running = true;
    /** Branches with a log, as the store listed them at start and commits added since. */
    private final Set<String> branches = ConcurrentHashMap.newKeySet();
    private boolean branchesListed;
    /** Touched only by this subscription's thread. */
    private final Map<String, Long> positions = new HashMap<>();
    private final Map<String, Long> retryAt = new HashMap<>();
    private final Map<String, Long> backoff = new HashMap<>();
    /** Read by status and tests. */
    volatile String lastError;

    Subscription(String name, DurableSubscriber subscriber, String branchOnly, Set<String> types, boolean fromEnd, EventStore store) {
        this.name = name;
        this.subscriber = subscriber;
        this.branchOnly = branchOnly;
        this.types = types;
        this.fromEnd = fromEnd;
        this.store = store;
        this.thread = new Thread(this, "talon-subscriber-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Branch {@code branch} committed events: look again. */
    void wake(String branch) {
        if (branchOnly != null && !branchOnly.equals(branch)) return;
        branches.add(branch);
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Stops after the transaction in hand (its events are handed again to the next registration). */
    void stop(long waitMillis) {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The positions this subscription has reached (a copy; for status). */
    synchronized Map<String, Long> positions() {
        return Map.copyOf(positions);
    }

    @Override
    public void run() {
        while (running) {
            boolean progressed = false;
            try {
                if (!branchesListed) {
                    for (String b : store.branches()) {
                        if (branchOnly == null || branchOnly.equals(b)) branches.add(b);
                    }
                    branchesListed = true;
                }
                for (String b : List.copyOf(branches)) {
                    if (!running) return;
                    progressed |= step(b);
                }
            } catch (RuntimeException e) {
                // the database cannot be asked now: try again after a while
                note("Durable subscriber " + name + ": the event log cannot be read (" + BranchWriter.rootMessage(e) + ")", e);
                pause(FIRST_RETRY_MILLIS);
                continue;
            }
            if (!progressed) awaitSignal(1000);
        }
    }

    /** Hands the branch's next batch to the subscriber; true when its position moved. */
    private boolean step(String branch) {
        Long until = retryAt.get(branch);
        if (until != null && System.currentTimeMillis() < until) return false;
        Long position = positions.get(branch);
        if (position == null) {
            position = startPosition(branch);
            synchronized (this) {
                positions.put(branch, position);
            }
        }
        // after a failure, one event at a time, so the one the subscriber refuses is named
        List<DomainEvent> batch = store.read(branch, position, backoff.containsKey(branch) ? 1 : BATCH);
        if (batch.isEmpty()) return false;
        long last = batch.get(batch.size() - 1).sequence();
        DomainEvent[] current = new DomainEvent[1];
        try {
            store.inTransaction(() -> {
                for (DomainEvent e : batch) {
                    if (types != null && !types.contains(e.type())) continue;
                    current[0] = e;
                    subscriber.handle(e);
                }
                store.savePosition(name, branch, last);
                return null;
            });
        } catch (Throwable t) {
            long wait = Math.min(LAST_RETRY_MILLIS, backoff.getOrDefault(branch, FIRST_RETRY_MILLIS / 2) * 2);
            backoff.put(branch, wait);
            retryAt.put(branch, System.currentTimeMillis() + wait);
            DomainEvent e = current[0];
            note("Durable subscriber " + name + " failed on " + (e == null ? "the events after " + position
                    : "event " + e.sequence() + " (" + e.type() + ")") + " of branch " + branch + "; handed again in "
                    + wait / 1000 + " s (" + BranchWriter.rootMessage(t) + ")", t);
            return false;
        }
        synchronized (this) {
            positions.put(branch, last);
        }
        if (backoff.remove(branch) != null) {
            retryAt.remove(branch);
            LOG.info("Durable subscriber " + name + " goes on in branch " + branch + " after event " + last);
        }
        if (backoff.isEmpty()) lastError = null;
        return true;
    }

    /** Where a subscriber without a stored position begins; "end" is stored at once, so a restart keeps it. */
    private long startPosition(String branch) {
        long stored = store.position(name, branch);
        if (stored >= 0) return stored;
        if (!fromEnd) return 0;
        long end = store.lastSequence(branch);
        try {
            store.inTransaction(() -> {
                store.savePosition(name, branch, end);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the first position of " + name, e);
        }
        return end;
    }

    private void note(String message, Throwable t) {
        boolean repeated = message.equals(lastError);
        lastError = message;
        LOG.log(Level.WARNING, message, repeated ? null : t);
    }

    private void awaitSignal(long millis) {
        synchronized (signal) {
            if (!signalled && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            signalled = false;
        }
    }

    private void pause(long millis) {
        synchronized (signal) {
            try {
                if (running) signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
