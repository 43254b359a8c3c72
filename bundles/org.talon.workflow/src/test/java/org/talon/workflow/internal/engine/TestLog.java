package org.talon.workflow.internal.engine;

import java.time.Clock;
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
import org.talon.event.api.RowTable;
import org.talon.event.api.Rows;
import org.talon.event.api.StorageUnavailableException;

/**
 * An event log in memory that runs each command on one writer thread as a group of its own, with
 * the real writer's outcomes: a command that throws before it wrote fails alone; a commit that
 * fails ({@link #failNextCommit}) runs the rollback hooks and stores nothing.
 */
final class TestLog implements EventLog {
    final List<DomainEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> rows = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile boolean failNextCommit;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    TestLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <T> CompletionStage<T> submit(String branch, BranchCommand<T> command) {
        CompletableFuture<T> f = new CompletableFuture<>();
        writer.execute(() -> {
            List<DomainEvent> mine = new ArrayList<>();
            List<String> written = new ArrayList<>();
            List<Runnable> rollbacks = new ArrayList<>();
            List<Runnable> commits = new ArrayList<>();
            Instant now = clock.instant();
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
                    rollbacks.add(action);
                }

                @Override
                public void onCommit(Runnable action) {
                    commits.add(action);
                }

                @Override
                public Rows rows(RowTable table) {
                    return new Rows() {
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
                            if (values.length != table.width()) throw new IllegalArgumentException("a row of " + table + " has " + values.length + " values");
                            written.add("put " + table.name() + " " + java.util.Arrays.toString(values));
                        }
                    };
                }
            };
            try {
                T r = command.execute(tx);
                if (failNextCommit && !(mine.isEmpty() && written.isEmpty())) {
                    failNextCommit = false;
                    rollbacks.forEach(Runnable::run);
                    f.completeExceptionally(new StorageUnavailableException("the test's database refused the commit", null));
                    return;
                }
                events.addAll(mine);
                rows.addAll(written);
                commits.forEach(Runnable::run);
                f.complete(r);
            } catch (Throwable e) {
                if (!mine.isEmpty() || !written.isEmpty()) rollbacks.forEach(Runnable::run);
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    List<String> types() {
        synchronized (events) {
            return events.stream().map(DomainEvent::type).toList();
        }
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
