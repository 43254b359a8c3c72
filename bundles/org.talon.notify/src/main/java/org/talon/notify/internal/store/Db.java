package org.talon.notify.internal.store;

import java.sql.Connection;

/** Where the outbox's statements run: a database connection inside a transaction. */
public interface Db {
    /** Work on a connection, inside the transaction {@link #inTransaction} runs it in. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /**
     * Runs {@code work} in the calling thread's transaction when it is in one (then it commits
     * with it), or in a new transaction that is committed before this returns (rolled back when
     * anything throws).
     */
    <T> T inTransaction(Work<T> work) throws Exception;

    /** Runs {@code action} once the transaction that {@link #inTransaction} runs in now (if any) has committed; at once when none runs. */
    void afterCommit(Runnable action);
}
