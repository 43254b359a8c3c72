package org.talon.queue.api;

/**
 * A ticket's place in its lifecycle: {@code WAITING -> CALLED -> SERVING -> DONE}, with
 * {@code NO_SHOW}, {@code CANCELLED} and {@code PARKED} on the side. A transfer puts a ticket
 * back to {@code WAITING} in another queue, at a counter or in an operator's pool.
 */
public enum TicketState {
    WAITING, CALLED, SERVING, PARKED, DONE, NO_SHOW, CANCELLED;

    /** No further transition is possible. */
    public boolean isFinal() {
        return this == DONE || this == NO_SHOW || this == CANCELLED;
    }
}
