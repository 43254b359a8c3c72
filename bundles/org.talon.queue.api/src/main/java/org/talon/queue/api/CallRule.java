package org.talon.queue.api;

/** How a work profile chooses among its queues. */
public enum CallRule {
    /** The first queue in the profile's order that has someone waiting. */
    STRICT_ORDER,
    /** The queue whose first customer has waited longest. */
    LONGEST_WAIT,
    /** The queue whose first customer reaches (or passed) the service's target wait first. */
    EARLIEST_BREACH,
    /**
     * A pattern: the entries in order, each called while fewer than its limit were called in
     * this round; an entry without limit ends the round.
     */
    WEIGHTED
}
