package org.talon.event.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of work for one branch, run by the branch's single writer as one of a group whose events
 * and rows ({@link BranchTransaction#rows}) are committed together.
 *
 * <p>A command first checks everything that could make it fail and throws before it writes
 * anything. A command that throws before it appended an event fails alone: the other commands of
 * its group still commit. One that throws after it appended (itself, or through another domain's
 * operation it called) has the group's transaction rolled back, its rollback hooks run, and the
 * other commands of its group run again without it: nothing of it is stored, rows included.
 *
 * <p>A command may call other domains' operations that take its transaction (for example
 * {@code QueueService.issue(tx, request)}): what they append and write commits with the command
 * or not at all, as one step of the branch. It must not wait for another command of its own
 * branch ({@link EventLog#submit} from inside a command of the same branch fails at once).
 *
 * @param <T> what the command returns to its caller after the commit
 */
@ConsumerType
@FunctionalInterface
public interface BranchCommand<T> {
    T execute(BranchTransaction tx) throws Exception;
}
