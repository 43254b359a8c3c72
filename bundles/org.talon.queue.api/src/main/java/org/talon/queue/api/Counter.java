package org.talon.queue.api;

/**
 * A place where customers are served.
 *
 * @param branch        branch id
 * @param id            counter id, e.g. {@code 3}
 * @param name          what the customer sees, e.g. "Window 3"
 * @param profile       the work profile it calls by
 * @param state         open, paused or closed
 * @param operator      the operator logged in, or {@code null}
 * @param currentTicket the ticket it has called or serves, or {@code null}
 */
public record Counter(String branch, String id, String name, String profile, CounterState state, String operator,
        Ticket currentTicket) {
}
