package org.talon.queue.api;

/**
 * What a counter action left behind.
 *
 * @param counter the counter after the action
 * @param ticket  the ticket the action concerned (called, recalled, served, finished, parked or
 *                transferred), or {@code null} when there was none (a call with no one waiting,
 *                or opening, pausing, closing)
 */
public record CounterResult(Counter counter, Ticket ticket) {
}
