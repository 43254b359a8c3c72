package org.talon.event.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.talon.event.api.DomainEvent;

/** An event store in memory with transactions that can be made to fail, for tests. */
final class MemoryEventStore implements EventStore {
    final List<DomainEvent> committed = new ArrayList<>();
    final AtomicInteger commits = new AtomicInteger();
    volatile boolean failCommits;
    /** The commit is stored, but the caller is told it failed (the answer lost with the connection). */
    volatile boolean loseCommitAnswers;
    /** Reads fail, as with the database down. */
    volatile boolean failReads;
    volatile long commitDelayMillis;
    /** A commit holding an event whose payload contains this fails, as a database refuses a value too long for its column. */
    volatile String refusedPayload;
    private List<DomainEvent> pending;

    @Override
    public synchronized <T> T inTransaction(Callable<T> work) throws Exception {
        pending = new ArrayList<>();
        try {
            T result = work.call();
            if (commitDelayMillis > 0) Thread.sleep(commitDelayMillis);
            if (failCommits) throw new IllegalStateException("disk gone");
            String refused = refusedPayload;
            if (refused != null && pending.stream().anyMatch(e -> e.payload().contains(refused))) {
                throw new IllegalStateException("value too long for column");
            }
            committed.addAll(pending);
            commits.incrementAndGet();
            if (loseCommitAnswers) throw new IllegalStateException("connection reset during commit");
            return result;
        } finally {
            pending = null;
        }
    }

    @Override
    public void insert(List<DomainEvent> events) {
        pending.addAll(events);
    }

    @Override
    public synchronized List<DomainEvent> read(String branch, long after, int max) {
        if (failReads) throw new IllegalStateException("database down");
        return committed.stream().filter(e -> e.branch().equals(branch) && e.sequence() > after).limit(max).toList();
    }

    @Override
    public synchronized long lastSequence(String branch) {
        if (failReads) throw new IllegalStateException("database down");
        return committed.stream().filter(e -> e.branch().equals(branch)).mapToLong(DomainEvent::sequence).max().orElse(0);
    }
}
