package org.talon.queue.api.event;

/**
 * Payload of the counter events ({@link QueueEvents#COUNTER_EVENTS}), as the counter is after the
 * change; public fields, as {@link TicketEvent}.
 */
public class CounterEvent {
    /** The counter's id, e.g. {@code 3}. */
    public String counter;
    /** Its name as configured, e.g. {@code Window 3}. */
    public String counterName;
    /** {@code OPEN}, {@code PAUSED} or {@code CLOSED}. */
    public String state;
    /** The operator logged in, if any. */
    public String operator;
    /** On a takeover: the operator who was logged in before. */
    public String takenOverFrom;
    /** Who opened it for {@link #operator}, when someone else did (a supervisor). */
    public String by;
}
