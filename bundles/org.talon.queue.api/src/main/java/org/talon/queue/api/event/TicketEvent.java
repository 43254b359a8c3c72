package org.talon.queue.api.event;

import java.time.Instant;

/**
 * Payload of the ticket events ({@link QueueEvents#TICKET_EVENTS}), as the ticket is after the
 * change. A data transfer object in the OSGi manner: public fields, so that fields are added
 * without breaking a reader; a field without a value is left out of the JSON.
 */
public class TicketEvent {
    /** The ticket's id in the installation. */
    public long ticketId;
    /** Its number as called, e.g. {@code A001}. */
    public String number;
    /** The service code it was issued for. */
    public String service;
    /** The queue it waits in (after a transfer, the new one). */
    public String queue;
    /** {@code NORMAL}, {@code PRIORITY}, {@code APPOINTMENT} or {@code VIP}. */
    public String priority;
    /** Where it was issued: {@code KIOSK}, {@code WEB}, {@code RECEPTION}, {@code PHONE}, {@code API} or {@code CONSOLE}. */
    public String channel;
    /** The customer's language tag, e.g. {@code pl}, when one was chosen. */
    public String language;
    /** Its state after the change: {@code WAITING}, {@code CALLED}, {@code SERVING}, {@code DONE}, {@code NO_SHOW}, {@code PARKED}, {@code CANCELLED}. */
    public String state;
    /** When it was issued (UTC, ISO-8601 in the JSON). */
    public Instant issuedAt;
    /** The counter that acted, for the events a counter causes. */
    public String counter;
    /** That counter's name as configured, e.g. {@code Window 3}. */
    public String counterName;
    /** The operator logged in at that counter, if any. */
    public String operator;
    /** A transferred ticket waits for this counter only. */
    public String toCounter;
    /** A transferred ticket waits for this operator, wherever they work. */
    public String toOperator;
    /** How often it was called again, when it was. */
    public Integer recalls;
}
