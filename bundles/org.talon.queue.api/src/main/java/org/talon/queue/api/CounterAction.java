package org.talon.queue.api;

/** What an operator does at a counter: the keys of a counter terminal. */
public enum CounterAction {
    /** Log in and open the counter. */
    OPEN,
    PAUSE,
    /** Close the counter and log its operator out. */
    CLOSE,
    /** Call the next customer. */
    CALL,
    /** Finish the current ticket and call the next one. */
    NEXT,
    RECALL,
    SERVE,
    FINISH,
    NO_SHOW,
    PARK,
    /** Send the current ticket elsewhere; needs a {@link TransferTarget}. */
    TRANSFER
}
