package org.talon.queue.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventLog;

/** An event log in memory that runs every command on one thread, for engine tests. */
final class SerialEventLog implements EventLog {
    final List<DomainEvent> events = new ArrayList<>();
    /** The rows committed commands wrote, as "insert|update|put table [values]". */
    final List<String> rows = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @Override
    public <T> CompletionStage<T> submit(String branch, BranchCommand<T> command) {
        CompletableFuture<T> f = new CompletableFuture<>();
        writer.execute(() -> {
            List<DomainEvent> mine = new ArrayList<>();
            List<Runnable> commits = new ArrayList<>();
            List<String> written = new ArrayList<>();
            Instant now = Instant.now();
            BranchTransaction tx = new BranchTransaction() {
                @Override
                public String branch() {
                    return branch;
                }

                @Override
                public Instant now() {
                    return now;
                }

                @Override
                public DomainEvent append(String type, String payload) {
                    DomainEvent e = new DomainEvent(events.size() + mine.size() + 1, branch, type, now, payload);
                    mine.add(e);
                    return e;
                }

                @Override
                public void onRollback(Runnable action) {
                }

                @Override
                public void onCommit(Runnable action) {
                    commits.add(action);
                }

                @Override
                public org.talon.event.api.Rows rows(org.talon.event.api.RowTable table) {
                    return new org.talon.event.api.Rows() {
                        @Override
                        public void insert(Object... values) {
                            written.add("insert " + table.name() + " " + java.util.Arrays.toString(values));
                        }

                        @Override
                        public void update(Object... values) {
                            written.add("update " + table.name() + " " + java.util.Arrays.toString(values));
                        }

                        @Override
                        public void put(Object... values) {
                            written.add("put " + table.name() + " " + java.util.Arrays.toString(values));
                        }
                    };
                }
            };
            try {
                T r = command.execute(tx);
                events.addAll(mine);
                rows.addAll(written);
                commits.forEach(Runnable::run);
                f.complete(r);
            } catch (Throwable e) {
                // as the real writer: a command that failed before it appended fails alone, and its
                // group (here: nothing else) commits, so the actions after a commit still run
                if (mine.isEmpty() && written.isEmpty()) commits.forEach(Runnable::run);
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public List<DomainEvent> read(String branch, long afterSequence, int max) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long lastSequence(String branch) {
        return events.size();
    }

    @Override
    public List<org.talon.event.api.SubscriberStatus> subscribers() {
        return List.of();
    }

    void shutdown() {
        writer.shutdownNow();
    }
}
