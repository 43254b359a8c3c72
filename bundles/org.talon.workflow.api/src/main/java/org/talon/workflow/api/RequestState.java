package org.talon.workflow.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands. It is registered, assigned to a staff member, worked on (perhaps
 * waiting for the customer), possibly ready for the customer to collect, and done; or rejected
 * or cancelled on the way. {@link Action} says which moves are allowed from which state.
 */
public enum RequestState {
    /** Registered, in its skill's queue, nobody assigned yet. */
    REGISTERED,
    /** Given to a staff member who has not started it. */
    ASSIGNED,
    /** Being worked on. */
    IN_PROGRESS,
    /** Waiting for the customer (a missing document, an answer): its SLA clock stands still. */
    WAITING_FOR_CUSTOMER,
    /** The result is ready for the customer to collect at the branch. */
    READY_FOR_PICKUP,
    /** Completed: the result given or collected. */
    DONE,
    /** Refused, with the reason told to the customer. */
    REJECTED,
    /** Withdrawn by the customer or by staff. */
    CANCELLED;

    /** Whether the request is still open (not done, rejected or cancelled). */
    public boolean open() {
        return this != DONE && this != REJECTED && this != CANCELLED;
    }

    /** Whether someone works on it in this state (it counts towards their load). */
    public boolean held() {
        return this == ASSIGNED || this == IN_PROGRESS || this == WAITING_FOR_CUSTOMER;
    }

    /** Whether its SLA clock runs in this state: open, not waiting for the customer, not ready. */
    public boolean slaRuns() {
        return this == REGISTERED || this == ASSIGNED || this == IN_PROGRESS;
    }

    /** The states still open. */
    public static Set<RequestState> openStates() {
        return EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER, READY_FOR_PICKUP);
    }
}
