package org.talon.event.api;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The transaction a {@link BranchCommand} runs in. Events appended here are committed together
 * with the rows the command writes through {@link #rows}, or not at all. The command itself runs
 * outside any database transaction: it changes the branch's state in memory and says what to
 * store; a write it made past this interface would not commit with its events.
 */
@ProviderType
public interface BranchTransaction {

    /** The branch this transaction writes for. */
    String branch();

    /** The time of this group of commands; commands use it as "now" so events are ordered in time. */
    Instant now();

    /**
     * Appends an event to the branch's log.
     *
     * @param type    event type, e.g. {@code TicketCalled}
     * @param payload JSON object text
     * @return the event with its sequence number (visible to readers after commit)
     */
    DomainEvent append(String type, String payload);

    /**
     * Registers an action the writer runs, on its own thread and before it starts the next
     * group, if this group's commit fails. A command that keeps state in memory uses it to
     * forget what it changed, since nothing of it was stored.
     */
    void onRollback(Runnable action);

    /**
     * Registers an action the writer runs, on its own thread, once this group has committed and
     * before any command of the group is answered or its events reach a listener. A domain that
     * keeps a committed view for readers publishes it here: a caller who reads after its own
     * write is answered sees that write, and readers never wait for the writer.
     *
     * <p>An action that throws is logged and the others still run; it cannot undo the commit.
     *
     * @since 1.4.0
     */
    void onCommit(Runnable action);

    /**
     * Writes to one of the domain's current-state tables in this transaction: the domain's rows
     * change in the same commit as its events, written as JDBC batches on the group's connection
     * once its commands have run. This is the one way a domain writes rows inside a branch
     * command; see {@link RowTable} and {@code docs/contributing.md}.
     *
     * @since 1.5.0
     */
    Rows rows(RowTable table);
}
