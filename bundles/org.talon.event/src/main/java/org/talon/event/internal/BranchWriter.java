package org.talon.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.StorageUnavailableException;

/**
 * The single writer of one branch. It takes every command waiting at the moment, runs them in
 * order inside one transaction, commits once (one disk flush for the whole group) and only then
 * completes each command's future. Sequence numbers are given here, in commit order, so the log
 * has no gaps and readers never see a later event before an earlier one.
 */
final class BranchWriter implements Runnable {
    /** Upper bound of commands in one group, so one transaction stays small. */
    static final int MAX_GROUP = 2000;
    private static final Logger LOG = Logger.getLogger(BranchWriter.class.getName());

    private record Pending<T>(BranchCommand<T> command, Submitted<T> future) {
    }

    /** Groups that failed one after another before the writer stops splitting a refused group. */
    static final int ISOLATION_GIVE_UP = 3;

    /**
     * A command's future, which its caller may withdraw ({@link #cancel}) for as long as the
     * writer has not taken the command: a caller that gives up waiting is told the truth, either
     * "withdrawn, nothing stored" or "the writer has it, its commit decides".
     */
    static final class Submitted<T> extends CompletableFuture<T> {
        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int WITHDRAWN = 2;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();

        /** The writer takes the command (again, when it reruns a group); false when it was withdrawn. */
        boolean take() {
            return state.compareAndSet(WAITING, TAKEN) || state.get() == TAKEN;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            // once taken, the outcome is the commit's; it cannot be withdrawn any more
            return state.compareAndSet(WAITING, WITHDRAWN) && super.cancel(mayInterruptIfRunning);
        }
    }

    private final String branch;
    private final EventStore store;
    private final Clock clock;
    private final Consumer<List<DomainEvent>> committed;
    private final LinkedBlockingQueue<Pending<?>> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Written by the writer thread, read by others (EventLog.lastSequence). */
    private volatile long lastSequence;
    /** A commit failed: ask the database for the last sequence before numbering the next group. */
    private boolean resync;
    private Instant lastTime = Instant.EPOCH;
    /** How long a group may wait for the commands that usually come with it; 0: never. */
    private final long lingerNanos;
    private int lastGroupSize;
    /** How often a refused group was split into commands of their own (read by tests). */
    volatile int isolations;

    BranchWriter(String branch, EventStore store, Clock clock, Consumer<List<DomainEvent>> committed) {
        this(branch, store, clock, committed, 0);
    }

    BranchWriter(String branch, EventStore store, Clock clock, Consumer<List<DomainEvent>> committed, long lingerMicros) {
        this.lingerNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(0, lingerMicros));
        this.branch = branch;
        this.store = store;
        this.clock = clock;
        this.committed = committed;
        this.lastSequence = store.lastSequence(branch);
        this.thread = new Thread(this, "talon-writer-" + branch);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long lastSequence() {
        return lastSequence;
    }

    <T> CompletableFuture<T> submit(BranchCommand<T> command) {
        Submitted<T> f = new Submitted<>();
        if (Thread.currentThread() == thread) {
            // a command waiting for a later command of its own writer would wait forever
            f.completeExceptionally(new org.talon.event.api.CommandWaitsForItsOwnBranch(branch));
            return f;
        }
        if (!running) {
            f.completeExceptionally(new StorageUnavailableException("The event log of branch " + branch + " is stopping", null));
            return f;
        }
        inbox.add(new Pending<>(command, f));
        return f;
    }

    /** Stops taking commands, lets those already submitted finish, then ends the thread. */
    void stop(long waitMillis) {
        running = false;
        thread.interrupt();
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending<?> p;
        while ((p = inbox.poll()) != null) {
            p.future.completeExceptionally(new StorageUnavailableException("The event log of branch " + branch + " stopped", null));
        }
    }

    @Override
    public void run() {
        List<Pending<?>> group = new ArrayList<>();
        while (running || !inbox.isEmpty()) {
            try {
                Pending<?> first = running ? inbox.poll(1, TimeUnit.SECONDS) : inbox.poll();
                if (first == null) continue;
                group.add(first);
                inbox.drainTo(group, MAX_GROUP - 1);
                linger(group);
                lastGroupSize = group.size();
                runGroup(group);
            } catch (InterruptedException e) {
                // stop() was called: finish what is queued, then end.
            } catch (Throwable t) {
                for (Pending<?> p : group) p.future.completeExceptionally(t);
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Under concurrent load a commit costs more than the commands in it (the database writes
     * every changed page once per commit), so a group smaller than the last one waits a little
     * for the commands that are on their way: fewer, larger commits for the same work. A lone
     * command (the last group had one) never waits.
     */
    private void linger(List<Pending<?>> group) throws InterruptedException {
        if (lingerNanos == 0 || lastGroupSize < 2 || group.size() >= lastGroupSize) return;
        long until = System.nanoTime() + lingerNanos;
        while (group.size() < lastGroupSize && group.size() < MAX_GROUP) {
            long left = until - System.nanoTime();
            if (left <= 0) return;
            Pending<?> more = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (more == null) return;
            group.add(more);
            inbox.drainTo(group, MAX_GROUP - group.size());
        }
    }

    /**
     * A command threw after something was appended in it (itself, or another domain's operation
     * it called with its transaction): what it wrote cannot be told apart from the rest of the
     * group's writes, so the whole transaction is rolled back and the group runs again without it.
     */
    private static final class Spoiled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;

        Spoiled(int index, Throwable cause) {
            super("a command threw after it had appended events or written rows", cause, false, false);
            this.index = index;
        }
    }

    private final class Tx implements BranchTransaction {
        final Instant now;
        final List<DomainEvent> events = new ArrayList<>();
        final List<Runnable> rollbacks = new ArrayList<>();
        final List<Runnable> commits = new ArrayList<>();
        final RowBuffer rows = new RowBuffer(this::open);
        long next;
        /** Set when the group's commands have run: a transaction kept and used later is refused. */
        boolean closed;

        Tx(Instant now, long next) {
            this.now = now;
            this.next = next;
        }

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
            open();
            DomainEvent e = new DomainEvent(next++, branch, type, now, payload);
            events.add(e);
            return e;
        }

        @Override
        public org.talon.event.api.Rows rows(org.talon.event.api.RowTable table) {
            open();
            return rows.rows(table);
        }

        @Override
        public void onRollback(Runnable action) {
            open();
            rollbacks.add(action);
        }

        @Override
        public void onCommit(Runnable action) {
            open();
            commits.add(action);
        }

        private void open() {
            if (closed || Thread.currentThread() != thread) {
                throw new IllegalStateException("The transaction of branch " + branch + " is used outside its command");
            }
        }
    }

    /** Runs a group in one transaction; false when its commit failed (nothing of it stored). */
    private boolean runGroup(List<Pending<?>> group) {
        if (resync && !resync(group)) return false;
        // microseconds, as the database keeps times: a time read back equals the time answered
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (now.isBefore(lastTime)) now = lastTime; // time in the log never runs backwards
        lastTime = now;
        Tx tx = new Tx(now, lastSequence + 1);
        Object[] results = new Object[group.size()];
        Throwable[] errors = new Throwable[group.size()];
        try {
            // The commands run on this thread outside any database transaction: they change the
            // branch in memory and say what to store; the store commits it all, or nothing.
            for (int i = 0; i < group.size(); i++) {
                int mark = tx.events.size();
                int rowMark = tx.rows.writes();
                long seqMark = tx.next;
                if (!group.get(i).future.take()) {
                    // its caller gave up before the writer came to it: it is not run at all
                    errors[i] = new java.util.concurrent.CancellationException("withdrawn by its caller");
                    continue;
                }
                try {
                    results[i] = group.get(i).command.execute(tx);
                } catch (Throwable e) {
                    // A command refused before it appended or wrote anything fails alone.
                    if (tx.events.size() > mark || tx.rows.writes() > rowMark) throw new Spoiled(i, e);
                    errors[i] = e;
                    tx.next = seqMark;
                }
            }
            tx.closed = true;
            if (!tx.events.isEmpty() || !tx.rows.isEmpty()) store.commit(tx.events, tx.rows);
        } catch (Throwable commitFailure) {
            tx.closed = true;
            Spoiled spoiled = spoiled(commitFailure);
            if (spoiled != null) return rerunWithout(group, spoiled, tx);
            Boolean stored = committedAnyway(tx);
            if (Boolean.TRUE.equals(stored)) {
                LOG.log(Level.WARNING, "Branch " + branch + ": the commit of events " + tx.events.get(0).sequence() + ".."
                        + (tx.next - 1) + " reported a failure but is stored; the commands succeeded", commitFailure);
                lastSequence = tx.next - 1;
                runCommits(tx);
                for (int i = 0; i < group.size(); i++) complete(group.get(i), results[i], errors[i]);
                committed.accept(List.copyOf(tx.events));
                return true;
            }
            // Whatever the database says now, the next group first asks it for the last sequence:
            // a commit whose answer was lost may still have been stored.
            resync = true;
            runRollbacks(tx);
            if (Boolean.FALSE.equals(stored) && group.size() > 1) {
                // The database answers and refused the group: one command's rows may be what it
                // refused (a value it will not store). Each command runs again in a group of its
                // own, so that one fails alone and the others commit as if it had not been there.
                LOG.log(Level.WARNING, "Branch " + branch + ": the database refused a group of " + group.size()
                        + " commands (" + rootMessage(commitFailure) + "); running each alone");
                isolations++;
                int failedInARow = 0;
                for (Pending<?> p : group) {
                    if (failedInARow >= ISOLATION_GIVE_UP) {
                        // not one bad value but the database itself (a full disk, a lock held):
                        // the rest fail now instead of one failing commit after another
                        p.future.completeExceptionally(new StorageUnavailableException("Branch " + branch
                                + ": the database refused " + failedInARow + " commands in a row (" + rootMessage(commitFailure) + ")",
                                commitFailure));
                        continue;
                    }
                    failedInARow = runGroup(List.of(p)) ? 0 : failedInARow + 1;
                }
                return true;
            }
            LOG.log(Level.WARNING, "Branch " + branch + ": a group of " + group.size() + " commands was "
                    + (stored == null ? "perhaps not" : "not") + " stored", commitFailure);
            StorageUnavailableException e = new StorageUnavailableException(
                    "Branch " + branch + ": the database did not store the change (" + rootMessage(commitFailure) + ")",
                    commitFailure, stored == null);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).future.completeExceptionally(errors[i] != null ? errors[i] : e);
            }
            return false;
        }
        lastSequence = tx.next - 1;
        runCommits(tx);
        for (int i = 0; i < group.size(); i++) complete(group.get(i), results[i], errors[i]);
        if (!tx.events.isEmpty()) committed.accept(List.copyOf(tx.events));
        return true;
    }

    /** The rolled-back group runs again without the command that threw after it appended. */
    private boolean rerunWithout(List<Pending<?>> group, Spoiled spoiled, Tx tx) {
        runRollbacks(tx);
        Pending<?> offender = group.get(spoiled.index);
        LOG.log(Level.WARNING, "Branch " + branch + ": a command threw after it had appended events or written rows; its transaction"
                + " is rolled back and the " + (group.size() - 1) + " other commands of its group run again", spoiled.getCause());
        offender.future.completeExceptionally(spoiled.getCause());
        List<Pending<?>> rest = new ArrayList<>(group);
        rest.remove(spoiled.index);
        return rest.isEmpty() || runGroup(rest);
    }

    private static Spoiled spoiled(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Spoiled s) return s;
        }
        return null;
    }

    /** After the commit, before anyone is answered: what readers see includes the group. */
    private void runCommits(Tx tx) {
        for (Runnable r : tx.commits) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Branch " + branch + ": an action after a commit failed", e);
            }
        }
    }

    private static void runRollbacks(Tx tx) {
        for (Runnable r : tx.rollbacks) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // a rollback hook must not keep the others from running
            }
        }
    }

    /**
     * A commit can report a failure after the database committed (a participant failing after
     * completion, e.g. a persistence unit closing during a bundle update). The group's events tell:
     * they are stored exactly when the group's writes are, so the outcome is read back rather
     * than guessed, and a caller is never told "nothing stored" about a change that was stored.
     */
    private Boolean committedAnyway(Tx tx) {
        if (tx.events.isEmpty()) return false;
        DomainEvent first = tx.events.get(0);
        try {
            List<DomainEvent> stored = store.read(branch, first.sequence() - 1, 1);
            return !stored.isEmpty() && stored.get(0).sequence() == first.sequence()
                    && stored.get(0).type().equals(first.type()) && stored.get(0).payload().equals(first.payload());
        } catch (RuntimeException e) {
            return null; // the database cannot be asked: the outcome is unknown
        }
    }

    /**
     * After a failed commit: takes the last sequence from the database before any new group is
     * numbered, so a group stored although its commit was reported failed is never numbered
     * over. While the database cannot be asked, the group is refused (nothing of it is written).
     */
    private boolean resync(List<Pending<?>> group) {
        try {
            long stored = store.lastSequence(branch);
            if (stored != lastSequence) {
                LOG.warning("Branch " + branch + ": the log ends at " + stored + ", not " + lastSequence
                        + " as this writer last knew; numbering goes on from the database's");
            }
            lastSequence = stored;
            resync = false;
            return true;
        } catch (RuntimeException e) {
            StorageUnavailableException u = new StorageUnavailableException(
                    "Branch " + branch + ": the database is not reachable (" + rootMessage(e) + ")", e);
            for (Pending<?> p : group) p.future.completeExceptionally(u);
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result, Throwable error) {
        if (error != null) p.future.completeExceptionally(error);
        else p.future.complete((T) result);
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
