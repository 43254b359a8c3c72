package org.talon.queue.api.rule;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the queue a counter calls from next, among its work profile's entries. Registered as a
 * service with property {@value #NAME}, the name work profiles give as their rule (letters, digits
 * and {@code _}, e.g. {@code ROUND_ROBIN}); a name of the built-in rules ({@link CallRules}) is
 * taken by them.
 *
 * <p>The engine asks after tickets sent to the counter or its operator and after the profile's
 * conditions found nothing, on the branch's writer thread: a rule answers at once, from the
 * context alone, and keeps what it must remember between calls in {@link CallContext#memory()}.
 */
@ConsumerType
public interface CallRule {
    /** Service property: the rule's name. */
    String NAME = "talon.callrule.name";

    /**
     * @return the queue to call from, one of the profile's entries whose {@link CallContext#head}
     *         is not {@code null}; or {@code null} when the counter should call no one
     */
    String choose(CallContext context);
}
