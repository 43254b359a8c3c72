package org.talon.event.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Group commit across writers. Each branch has one writer, and on an embedded database all of
 * them share one file, whose commit (not the commands) is most of what a group costs. A writer
 * puts its group in line; if no commit runs, it commits every group in line at that moment, its
 * own and the others', in one transaction, and wakes their writers, who find theirs done (or, if
 * theirs came in line too late for that commit, one of them commits next). A writer alone never
 * waits for anyone and no thread is handed anything: its group is the only one in line and it
 * commits it itself. If a shared commit fails, each of its groups is committed again alone, so
 * that one branch's bad row never fails another branch's group: every group gets the outcome it
 * would have had alone.
 *
 * @param <T> what one writer hands over to be committed
 */
final class GroupCommit<T> {

    /** Commits the items together in one transaction, or throws and stores none of them. */
    @FunctionalInterface
    interface Together<T> {
        void commit(List<T> items) throws Exception;
    }

    /** An item in line; its outcome is written before, and read after, the monitor marks it done. */
    private static final class Entry<T> {
        final T item;
        boolean done;
        Throwable failure;

        Entry(T item) {
            this.item = item;
        }
    }

    private final Together<T> together;
    /** Items in line, not yet taken by a commit (guarded by this). */
    private final List<Entry<T>> ready = new ArrayList<>();
    /** A writer commits for everyone in line now (guarded by this); never while a command runs. */
    private boolean committing;

    GroupCommit(Together<T> together) {
        this.together = together;
    }

    /** Returns once {@code item} is committed, alone or with others; throws what its commit threw. */
    void commit(T item) throws Exception {
        Entry<T> mine = new Entry<>(item);
        boolean interrupted = false;
        synchronized (this) {
            ready.add(mine);
        }
        while (true) {
            List<Entry<T>> all;
            synchronized (this) {
                // Waits, without giving up, until its item is committed or no commit runs: a writer
                // interrupted here might be told "failed" about an item another writer stores.
                while (committing && !mine.done) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (mine.done) break;
                // no commit runs and its item is still in line: it commits everything in line
                committing = true;
                all = new ArrayList<>(ready);
                ready.clear();
            }
            try {
                commitAll(all);
            } finally {
                synchronized (this) {
                    for (Entry<T> e : all) e.done = true;
                    committing = false;
                    // all at once: each finds its own outcome, and one of those still in line commits next
                    notifyAll();
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable f = mine.failure;
        if (f instanceof Exception e) throw e;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void commitAll(List<Entry<T>> all) {
        if (!tryTogether(all) && all.size() > 1) {
            // which one the database refused is not known: each again alone, with its own outcome
            for (Entry<T> e : all) {
                e.failure = null;
                tryTogether(List.of(e));
            }
        }
    }

    private boolean tryTogether(List<Entry<T>> entries) {
        List<T> list = new ArrayList<>(entries.size());
        for (Entry<T> e : entries) list.add(e.item);
        try {
            together.commit(list);
            return true;
        } catch (Throwable t) {
            for (Entry<T> e : entries) e.failure = t;
            return false;
        }
    }

    /** Items in line now, not yet taken by a commit. */
    synchronized int waiting() {
        return ready.size();
    }
}
