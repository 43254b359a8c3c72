package org.talon.queue.api.event;

import java.util.Set;

/** The type names of the queue domain's events. */
public final class QueueEvents {
    private QueueEvents() {
    }

    /** A ticket was issued (kiosk, phone, staff or another domain's command). Payload {@link TicketEvent}. */
    public static final String TICKET_ISSUED = "TicketIssued";
    /** A counter called a ticket (with {@code counter}, {@code counterName}, {@code operator}). */
    public static final String TICKET_CALLED = "TicketCalled";
    /** The counter called its current ticket again ({@code recalls} counts). */
    public static final String TICKET_RECALLED = "TicketRecalled";
    /** The called customer arrived: service started. */
    public static final String TICKET_SERVING = "TicketServing";
    /** Service ended. */
    public static final String TICKET_FINISHED = "TicketFinished";
    /** The called customer did not come. */
    public static final String TICKET_NO_SHOW = "TicketNoShow";
    /** The counter set its ticket aside; it can be called back. */
    public static final String TICKET_PARKED = "TicketParked";
    /** The ticket waits again, in another queue, for a counter ({@code toCounter}) or an operator ({@code toOperator}). */
    public static final String TICKET_TRANSFERRED = "TicketTransferred";
    /** A waiting or parked ticket was cancelled. */
    public static final String TICKET_CANCELLED = "TicketCancelled";
    /** A counter opened (an operator may have logged in, or taken it over). Payload {@link CounterEvent}. */
    public static final String COUNTER_OPENED = "CounterOpened";
    /** A counter paused. */
    public static final String COUNTER_PAUSED = "CounterPaused";
    /** A counter closed (its operator logged out). */
    public static final String COUNTER_CLOSED = "CounterClosed";

    /** The types whose payload is a {@link TicketEvent}. */
    public static final Set<String> TICKET_EVENTS = Set.of(TICKET_ISSUED, TICKET_CALLED, TICKET_RECALLED, TICKET_SERVING,
            TICKET_FINISHED, TICKET_NO_SHOW, TICKET_PARKED, TICKET_TRANSFERRED, TICKET_CANCELLED);
    /** The types whose payload is a {@link CounterEvent}. */
    public static final Set<String> COUNTER_EVENTS = Set.of(COUNTER_OPENED, COUNTER_PAUSED, COUNTER_CLOSED);
}
