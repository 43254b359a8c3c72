package org.talon.event.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of work for one branch, run by the branch's single writer inside a group transaction.
 *
 * <p>A command first checks everything that could make it fail and throws before it writes
 * anything; once it writes, it must not throw. A command that throws fails alone: the other
 * commands of its group still commit.
 *
 * @param <T> what the command returns to its caller after the commit
 */
@ConsumerType
@FunctionalInterface
public interface BranchCommand<T> {
    T execute(BranchTransaction tx) throws Exception;
}
