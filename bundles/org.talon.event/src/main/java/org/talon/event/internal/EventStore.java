package org.talon.event.internal;

import java.util.List;
import java.util.concurrent.Callable;
import org.talon.event.api.DomainEvent;

/** Where the log is kept, how a writer's group is committed, and the transactions durable subscribers run in. */
public interface EventStore {

    /**
     * Commits a group's events and the rows its commands wrote, together, in one transaction;
     * returns once they are stored. Groups of other branches that are ready at the same moment
     * may share that transaction (one commit for many branches' groups), but each group's
     * outcome is its own: a group fails only when it could not be stored alone either. Throws
     * when the group is not (or perhaps not) stored.
     */
    void commit(List<DomainEvent> events, RowBuffer rows) throws Exception;

    /**
     * Runs {@code work} in one new transaction and commits it (a durable subscriber's handling
     * and its position); writes that join the transaction commit with it. Throws when the commit
     * fails, and then nothing of the work is stored.
     */
    <T> T inTransaction(Callable<T> work) throws Exception;

    /** Committed events of a branch with a sequence greater than {@code after}, in order. */
    List<DomainEvent> read(String branch, long after, int max);

    /** The greatest committed sequence number of a branch, 0 for none. */
    long lastSequence(String branch);

    /** The branches that have a log (at least one committed event). */
    List<String> branches();

    /** A durable subscriber's position in a branch's log, or -1 when it has none stored. */
    long position(String subscriber, String branch);

    /** Stores a subscriber's position inside the transaction {@link #inTransaction} runs. */
    void savePosition(String subscriber, String branch, long position);
}
