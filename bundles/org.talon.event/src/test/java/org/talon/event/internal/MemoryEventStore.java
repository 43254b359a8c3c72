package org.talon.event.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Rows committed: a group's (a domain's own table), committed with its events, and subscribers' own writes. */
    final List<String> rows = new ArrayList<>();
    private List<String> pendingRows;
    /** Subscribers' positions, name + " " + branch; written with the transaction's commit. */
    final Map<String, Long> positions = new HashMap<>();
    private Map<String, Long> pendingPositions;

    /** A durable subscriber's own write, joining the transaction it runs in. */
    void write(String row) {
        if (pendingRows == null) throw new IllegalStateException("write outside a transaction");
        pendingRows.add(row);
    }

    @Override
    public synchronized <T> T inTransaction(Callable<T> work) throws Exception {
        pending = new ArrayList<>();
        pendingRows = new ArrayList<>();
        pendingPositions = new HashMap<>();
        try {
            T result = work.call();
            if (commitDelayMillis > 0) Thread.sleep(commitDelayMillis);
            if (failCommits) throw new IllegalStateException("disk gone");
            String refused = refusedPayload;
            if (refused != null && pending.stream().anyMatch(e -> e.payload().contains(refused))) {
                throw new IllegalStateException("value too long for column");
            }
            committed.addAll(pending);
            rows.addAll(pendingRows);
            positions.putAll(pendingPositions);
            commits.incrementAndGet();
            if (loseCommitAnswers) throw new IllegalStateException("connection reset during commit");
            return result;
        } finally {
            pending = null;
            pendingRows = null;
            pendingPositions = null;
        }
    }

    /** A writer's group, committed as inTransaction commits (and failing as it is told to); its rows are kept as RowBuffer.pending() says them. */
    @Override
    public synchronized void commit(List<DomainEvent> events, RowBuffer rows) throws Exception {
        lastRows = rows;
        inTransaction(() -> {
            pending.addAll(events);
            pendingRows.addAll(rows.pending());
            return null;
        });
    }

    /** The rows of the last group written (whether or not it committed). */
    volatile RowBuffer lastRows;

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

    @Override
    public synchronized List<String> branches() {
        if (failReads) throw new IllegalStateException("database down");
        return committed.stream().map(DomainEvent::branch).distinct().sorted().toList();
    }

    @Override
    public synchronized long position(String subscriber, String branch) {
        if (failReads) throw new IllegalStateException("database down");
        return positions.getOrDefault(subscriber + " " + branch, -1L);
    }

    @Override
    public void savePosition(String subscriber, String branch, long position) {
        if (pendingPositions == null) throw new IllegalStateException("position saved outside a transaction");
        pendingPositions.put(subscriber + " " + branch, position);
    }
}
