package org.talon.workflow.api;

import org.talon.queue.api.Ticket;

/**
 * The ticket a customer takes to collect a request's result, and the request it collects.
 */
public record PickupTicket(Request request, Ticket ticket) {
}
