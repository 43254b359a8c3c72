package org.talon.queue.api;

/** Whether a counter calls customers. */
public enum CounterState {
    /** Calls customers. */
    OPEN,
    /** Staffed but not calling, e.g. a break; its current ticket stays. */
    PAUSED,
    /** Not staffed. */
    CLOSED
}
