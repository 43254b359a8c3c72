package org.talon.queue.api;

/**
 * How a ticket is ordered in its queue. Classes other than {@link #NORMAL} are called out of
 * turn by a head start (configured per branch); a normal ticket that has waited longer than
 * that head start goes first, so no one waits forever.
 */
public enum PriorityClass {
    NORMAL,
    /** Customers served out of turn, e.g. disabled or pregnant customers. */
    PRIORITY,
    /** Customers with a booking. */
    APPOINTMENT,
    VIP
}
