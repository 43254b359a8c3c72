package org.talon.event.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable, ordered event log, one per branch, and the single writer of each branch.
 *
 * <p>All commands of one branch are applied by one writer in the order they arrive. The writer
 * applies every command waiting at a given moment in one transaction with one commit (group
 * commit); each command's stage completes only after its group has committed, so a completed
 * stage means the command's events and writes are durable.
 */
@ProviderType
public interface EventLog {

    /**
     * Runs a command on the branch's writer.
     *
     * <p>A caller that stops waiting cancels the stage ({@code toCompletableFuture().cancel(false)}):
     * when that returns true the command was withdrawn before the writer took it and is never
     * run; when it returns false the writer has it, and its commit decides the outcome.
     *
     * @return completes with the command's result after commit, or exceptionally with the
     *         exception the command threw, or with {@link StorageUnavailableException} when the
     *         commit failed (nothing of the command is stored then)
     */
    <T> CompletionStage<T> submit(String branch, BranchCommand<T> command);

    /**
     * Reads committed events of a branch in order.
     *
     * @param afterSequence only events with a greater sequence number are returned (0 reads from the start)
     * @param max           at most this many events
     */
    List<DomainEvent> read(String branch, long afterSequence, int max);

    /** The sequence number of the branch's last committed event, 0 when its log is empty. */
    long lastSequence(String branch);

    /** The durable subscribers running now, per branch they follow, by name then branch (since 1.3). */
    List<SubscriberStatus> subscribers();
}
