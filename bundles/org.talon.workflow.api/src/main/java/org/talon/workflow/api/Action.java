package org.talon.workflow.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * What staff (or the customer) do to a request, each allowed only from the states it names and
 * leading to one state. A request's type decides whether {@link #READY} is a step at all (only
 * types that end with a pickup have it).
 */
public enum Action {
    /** A manager (or the automatic assignment) gives it to a staff member; also reassigns. */
    ASSIGN(RequestState.ASSIGNED, RequestState.REGISTERED, RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.WAITING_FOR_CUSTOMER),
    /** A staff member takes it from the queue of open requests for themselves. */
    TAKE(RequestState.ASSIGNED, RequestState.REGISTERED),
    /** The assignee starts working on it. */
    START(RequestState.IN_PROGRESS, RequestState.ASSIGNED),
    /** The assignee waits for the customer (a document, an answer): the SLA clock stops. */
    WAIT(RequestState.WAITING_FOR_CUSTOMER, RequestState.IN_PROGRESS),
    /** The customer answered: work goes on and the SLA clock runs again. */
    RESUME(RequestState.IN_PROGRESS, RequestState.WAITING_FOR_CUSTOMER),
    /** The result is ready for the customer to collect (types that end with a pickup). */
    READY(RequestState.READY_FOR_PICKUP, RequestState.IN_PROGRESS),
    /** Completed: for a type with a pickup, only once the customer collected it ({@link #COLLECT}). */
    COMPLETE(RequestState.DONE, RequestState.IN_PROGRESS),
    /** The customer collected the result at a counter. */
    COLLECT(RequestState.DONE, RequestState.READY_FOR_PICKUP),
    /** Refused, with a reason for the customer. */
    REJECT(RequestState.REJECTED, RequestState.REGISTERED, RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.WAITING_FOR_CUSTOMER),
    /** Withdrawn. */
    CANCEL(RequestState.CANCELLED, RequestState.REGISTERED, RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.WAITING_FOR_CUSTOMER,
            RequestState.READY_FOR_PICKUP);

    private final RequestState to;
    private final Set<RequestState> from;

    Action(RequestState to, RequestState first, RequestState... more) {
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    /** The state the request is in after it. */
    public RequestState to() {
        return to;
    }

    /** The states it may be taken from. */
    public Set<RequestState> from() {
        return from;
    }

    /** Whether it may be taken from this state (a type's own rules aside: see {@link #READY}). */
    public boolean allowedFrom(RequestState state) {
        return from.contains(state);
    }
}
