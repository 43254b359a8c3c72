package org.talon.event.api;

import org.osgi.annotation.versioning.ProviderType;

/** Where a running durable subscriber stands in one branch's log (since 1.3). */
@ProviderType
public interface SubscriberStatus {
    /** The subscriber's name ({@link DurableSubscriber#NAME}). */
    String name();

    String branch();

    /** The last sequence it has handled (committed with its position). */
    long position();

    /** How many events of the branch's log it has yet to handle. */
    long behind();

    /** Why it is stuck, when its last try failed (it is tried again), else {@code null}. */
    String problem();
}
