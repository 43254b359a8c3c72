package org.talon.event.internal;

import java.util.List;
import java.util.concurrent.Callable;
import org.talon.event.api.DomainEvent;

/** Where the log is kept, and the transactions the writer runs its groups in. */
public interface EventStore {

    /**
     * Runs {@code work} in one new transaction and commits it; the commands' own writes join
     * that transaction. Throws when the commit fails, and then nothing of the work is stored.
     */
    <T> T inTransaction(Callable<T> work) throws Exception;

    /**
     * Stores a group's events and the rows its commands wrote inside the transaction
     * {@link #inTransaction} runs, before it commits.
     */
    void write(List<DomainEvent> events, RowBuffer rows);

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
